import { createHash } from 'node:crypto'
import { beforeEach, describe, expect, it } from 'vitest'
import { COVERAGE } from './coverage.ts'
import {
  createService,
  expectError,
  expectJsonOk,
  get,
  itExercises,
  type MicroServiceInstance,
  ORIGIN,
  post,
  put,
  type Reply,
  send,
  useCseMock,
} from './helpers.ts'

const api = useCseMock({ accounts: { root: 'Secret#Pa55' } })

/** A bearer token of the configured account, sent with the registry calls of this file. */
let auth: Record<string, string> = {}
beforeEach(async () => {
  const reply = await post<{ token: string }>('/v4/token', {
    name: 'root',
    password: 'Secret#Pa55',
  })
  auth = { Authorization: `Bearer ${expectJsonOk(reply).token}` }
})

const existence = (query: Record<string, string>) =>
  get<{ serviceId?: string; schemaId?: string }>(`/existence?${new URLSearchParams(query)}`, {
    headers: auth,
  })

describe('version and health', () => {
  it('answers the registry version as JSON', async () => {
    const body = expectJsonOk(await get('/version'))
    expect(body).toMatchObject({ version: '2.2.0', apiVersion: '4.0.0' })
  })

  it("answers health with SERVICECENTER's own instance, from any tenant", async () => {
    const body = expectJsonOk(
      await get<{ instances: MicroServiceInstance[] }>('/health', {
        headers: { 'X-Domain-Name': 'elsewhere' },
      }),
    )
    expect(body.instances).toHaveLength(1)
    const [own] = body.instances
    expect(own).toMatchObject({
      serviceId: createHash('sha1')
        .update('/cse-sr/ms/indexes/default/default/development/default/SERVICECENTER/2.2.0')
        .digest('hex'),
      version: '2.2.0',
      status: 'UP',
      endpoints: ['rest://127.0.0.1:30100/'],
      healthCheck: { mode: 'push', interval: 30, times: 3 },
    })
    expect(own?.instanceId).toMatch(/^[0-9a-f]{32}$/)
  })

  it('keeps SERVICECENTER alive however long no heartbeat comes', async () => {
    const before = expectJsonOk(await get<{ instances: MicroServiceInstance[] }>('/health'))
    api.mock().advance(10 * 60_000)
    expect(expectJsonOk(await get('/health'))).toEqual(before)
  })

  it('answers the root /version with apiVersion 3.0.0 and /health like the registry path', async () => {
    const version = expectJsonOk(await get(`${ORIGIN}/version`))
    expect(version).toMatchObject({ version: '2.2.0', apiVersion: '3.0.0' })
    const health = expectJsonOk(await get(`${ORIGIN}/health`))
    expect(health).toEqual(expectJsonOk(await get('/health')))
    expect((await get(`${ORIGIN}/foo/version`)).status).not.toBe(200)
  })

  it('answers version and health in any project', async () => {
    expect((await get('/v4/some-project/registry/version')).status).toBe(200)
    expect((await get('/v4/some-project/registry/health')).status).toBe(200)
  })
})

describe('existence of a microservice', () => {
  it('finds a service id by env, appId, serviceName and exact version', async () => {
    const serviceId = await createService({ environment: 'testing' }, { headers: auth })
    const reply = await existence({
      type: 'microservice',
      env: 'testing',
      appId: 'shop',
      serviceName: 'cart',
      version: '1.0.0',
    })
    expect(expectJsonOk(reply)).toEqual({ serviceId })
    expect(reply.headers.has('X-Schema-Summary')).toBe(false)
  })

  it('finds a service by its alias', async () => {
    const serviceId = await createService({ alias: 'basket' }, { headers: auth })
    const reply = await existence({
      type: 'microservice',
      appId: 'shop',
      serviceName: 'basket',
      version: '1.0.0',
    })
    expect(expectJsonOk(reply)).toEqual({ serviceId })
  })

  it('answers the newest match of a version rule in the cse profile', async () => {
    await createService({ version: '1.0.0' }, { headers: auth })
    const newest = await createService({ version: '1.10.0' }, { headers: auth })
    await createService({ version: '1.9.0' }, { headers: auth })
    for (const version of ['latest', '1.0+', '1.0-2.0']) {
      const reply = await existence({
        type: 'microservice',
        appId: 'shop',
        serviceName: 'cart',
        version,
      })
      expect(expectJsonOk(reply), version).toEqual({ serviceId: newest })
    }
  })

  it('answers 400012 for an exact version that does not exist in the cse profile', async () => {
    await createService({}, { headers: auth })
    const reply = await existence({
      type: 'microservice',
      appId: 'shop',
      serviceName: 'cart',
      version: '2.0.0',
    })
    expectError(reply, '400012')
  })

  it('answers 400026 for a rule that matches no version of an existing name in the cse profile', async () => {
    await createService({}, { headers: auth })
    const reply = await existence({
      type: 'microservice',
      appId: 'shop',
      serviceName: 'cart',
      version: '2.0+',
    })
    expectError(reply, '400026')
  })

  it('answers 400012 for a name that does not exist', async () => {
    const reply = await existence({
      type: 'microservice',
      appId: 'shop',
      serviceName: 'nothing',
      version: 'latest',
    })
    expectError(reply, '400012')
  })

  it('gives appId no default: a service of the default app is not found without appId', async () => {
    await createService({ appId: 'default' }, { headers: auth })
    const reply = await existence({ type: 'microservice', serviceName: 'cart', version: '1.0.0' })
    expectError(reply, '400001')
  })

  it('looks in the environment given, not in the others', async () => {
    await createService({ environment: 'production' }, { headers: auth })
    const reply = await existence({
      type: 'microservice',
      appId: 'shop',
      serviceName: 'cart',
      version: '1.0.0',
    })
    expectError(reply, '400012')
  })

  it('answers 400001 when type is missing or is neither microservice nor schema', async () => {
    expectError(await existence({}), '400001')
    expectError(await existence({ type: 'instance' }), '400001')
  })

  it('validates appId, serviceName, env and version by the registry rules (400001)', async () => {
    const base = { type: 'microservice', appId: 'shop', serviceName: 'cart', version: '1.0.0' }
    for (const bad of [
      { appId: '-shop' },
      { serviceName: 'cart!' },
      { env: 'staging' },
      { version: '1.0.0.0.0' },
      { version: 'v1' },
      { version: '60000' },
    ]) {
      expectError(await existence({ ...base, ...bad }), '400001')
    }
  })

  it('answers 400001 when appId, serviceName or version is missing', async () => {
    const base = { type: 'microservice', appId: 'shop', serviceName: 'cart', version: '1.0.0' }
    for (const key of ['appId', 'serviceName', 'version'] as const) {
      const { [key]: _, ...query } = base
      expectError(await existence(query), '400001')
    }
  })

  it('matches only the exact version in the servicecomb profile (400026 on a mismatch)', async () => {
    api.mock().setProfile('servicecomb')
    const serviceId = await createService({}, { headers: auth })
    const base = { type: 'microservice', appId: 'shop', serviceName: 'cart' }
    expect(expectJsonOk(await existence({ ...base, version: '1.0.0' }))).toEqual({ serviceId })
    expectError(await existence({ ...base, version: '1.0' }), '400026')
    expectError(await existence({ ...base, version: 'latest' }), '400001')
    expectError(await existence({ ...base, serviceName: 'nothing', version: '1.0.0' }), '400012')
  })
})

describe('existence of a schema', () => {
  it('answers serviceId and schemaId with the summary in X-Schema-Summary', async () => {
    const serviceId = await createService({}, { headers: auth })
    const stored = await put(
      `/microservices/${serviceId}/schemas/hello`,
      { schema: 'openapi: 3.0.0', summary: 'abc123' },
      { headers: auth },
    )
    expect(stored.status).toBe(200)
    const reply = await existence({ type: 'schema', serviceId, schemaId: 'hello' })
    expect(expectJsonOk(reply)).toEqual({ serviceId, schemaId: 'hello' })
    expect(reply.headers.get('X-Schema-Summary')).toBe('abc123')
  })

  it('sends an empty X-Schema-Summary for a schema without summary', async () => {
    const serviceId = await createService({}, { headers: auth })
    await put(`/microservices/${serviceId}/schemas/hello`, { schema: 'x' }, { headers: auth })
    const reply = await existence({ type: 'schema', serviceId, schemaId: 'hello' })
    expect(reply.status).toBe(200)
    expect(reply.headers.get('X-Schema-Summary')).toBe('')
  })

  it('answers 400012 for an unknown service and 400016 for an unknown schema', async () => {
    const serviceId = await createService({}, { headers: auth })
    expectError(await existence({ type: 'schema', serviceId: 'nope', schemaId: 'hello' }), '400012')
    expectError(await existence({ type: 'schema', serviceId, schemaId: 'hello' }), '400016')
  })

  it('answers 400001 when serviceId or schemaId is missing or malformed', async () => {
    const serviceId = await createService({}, { headers: auth })
    expectError(await existence({ type: 'schema', serviceId }), '400001')
    expectError(await existence({ type: 'schema', schemaId: 'hello' }), '400001')
    expectError(await existence({ type: 'schema', serviceId, schemaId: '-bad' }), '400001')
    expectError(await existence({ type: 'schema', serviceId: 'a b', schemaId: 'hello' }), '400001')
  })
})

describe('token', () => {
  const nowSeconds = () => Math.floor(api.mock().clock.now() / 1000)
  const token = (body: unknown): Promise<Reply<{ token?: string }>> => post('/v4/token', body)

  it('issues a JWT-shaped token for the right name and password', async () => {
    const body = expectJsonOk(await token({ name: 'root', password: 'Secret#Pa55' }))
    expect(body.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
    const claims = JSON.parse(Buffer.from(body.token!.split('.')[1]!, 'base64url').toString())
    // Service Center's claims, nothing more; default lifetime 12 h (reference §9).
    expect(claims).toEqual({ account: 'root', exp: expect.any(Number), roles: ['admin'] })
    expect(claims.exp - nowSeconds()).toBe(12 * 3600)
  })

  it('takes the lifetime from tokenExpirationTime, a Go duration from 15m to 24h', async () => {
    for (const [lifetime, seconds] of [
      ['15m', 900],
      ['1h30m', 5400],
      ['24h', 86_400],
    ] as const) {
      const reply = await token({
        name: 'root',
        password: 'Secret#Pa55',
        tokenExpirationTime: lifetime,
      })
      const claims = JSON.parse(
        Buffer.from(expectJsonOk(reply).token!.split('.')[1]!, 'base64url').toString(),
      )
      expect(claims.exp - nowSeconds(), lifetime).toBe(seconds)
    }
  })

  it('answers 401202 for a wrong password or an unknown name', async () => {
    expectError(await token({ name: 'root', password: 'wrong' }), '401202')
    expectError(await token({ name: 'admin', password: 'Secret#Pa55' }), '401202')
  })

  it('answers 400001 for a lifetime outside 15m–24h or not a duration', async () => {
    for (const lifetime of ['14m', '25h', 'soon', '12']) {
      const reply = await token({
        name: 'root',
        password: 'Secret#Pa55',
        tokenExpirationTime: lifetime,
      })
      expectError(reply, '400001')
    }
  })

  it('answers 401202 without detail when name or password is missing, as Service Center does', async () => {
    for (const body of [{}, { name: 'root' }, { password: 'Secret#Pa55' }]) {
      const reply = await token(body)
      expectError(reply, '401202')
      expect(reply.body).not.toHaveProperty('detail')
    }
  })

  it('answers 400001 when the body is missing or not JSON', async () => {
    expectError(await token(undefined), '400001')
    expectError(await send('POST', '/v4/token', { body: '{"name":' }), '400001')
  })

  it('has no project segment: /v4/{project}/token is an unknown route', async () => {
    const reply = await post('/v4/default/token', { name: 'root', password: 'Secret#Pa55' })
    expect(reply.status).toBe(404)
  })

  // Reference §1.2: with security authentication on, registry calls need the token.
  it('answers 401204 to a registry call without Authorization when accounts are configured', async () => {
    expectError(await get('/microservices'), '401204')
  })

  it('answers 401201 to a registry call with a malformed or foreign token', async () => {
    expectError(
      await get('/microservices', { headers: { Authorization: 'Bearer nonsense' } }),
      '401201',
    )
    expectError(
      await get('/microservices', { headers: { Authorization: 'Basic cm9vdA==' } }),
      '401201',
    )
  })

  it('accepts a registry call with the token it issued', async () => {
    expectJsonOk(await get('/microservices', { headers: auth }))
  })

  it('answers 401205 once the token has expired', async () => {
    const reply = await token({ name: 'root', password: 'Secret#Pa55', tokenExpirationTime: '15m' })
    const headers = { Authorization: `Bearer ${expectJsonOk(reply).token}` }
    expectJsonOk(await get('/microservices', { headers }))
    // Still good at its exp second, as Go's JWT library counts it.
    api.mock().advance(15 * 60_000)
    expectJsonOk(await get('/microservices', { headers }))
    api.mock().advance(1000)
    expectError(await get('/microservices', { headers }), '401205')
  })

  it('never asks a token for version and health', async () => {
    expect((await get('/version')).status).toBe(200)
    expect((await get('/health')).status).toBe(200)
  })
})

itExercises(api, COVERAGE.system)
