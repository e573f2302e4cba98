import { describe, expect, it } from 'vitest'
import { COVERAGE } from './coverage.ts'
import {
  createService,
  del,
  expectEmptyOk,
  expectError,
  expectJsonOk,
  filler,
  get,
  itExercises,
  type MicroServiceInstance,
  post,
  put,
  readInstance,
  registerInstance,
  send,
  useCseMock,
} from './helpers.ts'

const api = useCseMock()

const nowSeconds = () => String(Math.floor(api.mock().clock.now() / 1000))
const instancesPath = (serviceId: string) => `/microservices/${serviceId}/instances`
const register = (serviceId: string, instance: unknown) =>
  post<{ instanceId: string }>(instancesPath(serviceId), { instance })
const list = (serviceId: string, query = '', headers: Record<string, string> = {}) =>
  get<{ instances?: MicroServiceInstance[] }>(`${instancesPath(serviceId)}${query}`, { headers })

/** The revision of one instance's service list, as a client would cache it. */
const revisionOf = async (serviceId: string) => {
  const reply = await list(serviceId)
  expect(reply.status).toBe(200)
  return reply.headers.get('X-Resource-Revision')!
}

describe('register', () => {
  it('answers a generated 32-hex instanceId and stores the server-filled defaults', async () => {
    const serviceId = await createService({ version: '1.2.0' })
    const reply = await register(serviceId, {
      hostName: 'node-1',
      endpoints: ['rest://10.0.0.5:8080'],
    })
    const { instanceId } = expectJsonOk(reply)
    expect(instanceId).toMatch(/^[0-9a-f]{32}$/)
    expect(await readInstance(serviceId, instanceId)).toEqual({
      instanceId,
      serviceId,
      endpoints: ['rest://10.0.0.5:8080'],
      hostName: 'node-1',
      status: 'UP',
      healthCheck: { mode: 'push', interval: 30, times: 3 },
      timestamp: nowSeconds(),
      modTimestamp: nowSeconds(),
      version: '1.2.0',
    })
  })

  it('defaults an empty status to UP', async () => {
    const serviceId = await createService()
    const instanceId = await registerInstance(serviceId, { status: '' as never })
    expect((await readInstance(serviceId, instanceId)).status).toBe('UP')
  })

  it('generates an instanceId when the body sends an empty one', async () => {
    const serviceId = await createService()
    expect(await registerInstance(serviceId, { instanceId: '' })).toMatch(/^[0-9a-f]{32}$/)
  })

  it('registers a new instance under a custom instanceId, in both profiles', async () => {
    for (const profile of ['cse', 'servicecomb'] as const) {
      api.mock().setProfile(profile)
      const serviceId = await createService({ serviceName: `cart-${profile}` })
      expect(await registerInstance(serviceId, { instanceId: 'node-a.1_x' }), profile).toBe(
        'node-a.1_x',
      )
      expect((await readInstance(serviceId, 'node-a.1_x')).hostName).toBe('node-1')
    }
  })

  it('takes serviceId from the path and version from the service, whatever the body says', async () => {
    const serviceId = await createService({ version: '1.2.0' })
    const instanceId = await registerInstance(serviceId, { serviceId: 'other', version: '9.9.9' })
    expect(await readInstance(serviceId, instanceId)).toMatchObject({ serviceId, version: '1.2.0' })
  })

  it('keeps what the client sent: status, properties, data center, health check', async () => {
    const serviceId = await createService()
    const instance = {
      status: 'STARTING',
      properties: { weight: '10' },
      dataCenterInfo: { name: 'dc1', region: 'north', availableZone: 'north-a' },
      healthCheck: { mode: 'push', interval: 10, times: 2, port: 8080, url: '/health' },
    } as const
    const instanceId = await registerInstance(serviceId, instance)
    expect(await readInstance(serviceId, instanceId)).toMatchObject(instance)
  })

  it('generates a new instanceId for every registration without one in the servicecomb profile', async () => {
    api.mock().setProfile('servicecomb')
    const serviceId = await createService()
    const body = { hostName: 'node-1', endpoints: ['rest://10.0.0.1:8080'] }
    const first = expectJsonOk(await register(serviceId, body)).instanceId
    const second = expectJsonOk(await register(serviceId, body)).instanceId
    expect(first).not.toBe(second)
  })

  it('accepts an instance without endpoints in the servicecomb profile', async () => {
    api.mock().setProfile('servicecomb')
    const serviceId = await createService()
    const { instanceId } = expectJsonOk(await register(serviceId, { hostName: 'node-1' }))
    expect(await readInstance(serviceId, instanceId)).not.toHaveProperty('endpoints')
  })

  it('answers 400012 for an unknown service', async () => {
    const reply = await register('unknown', { hostName: 'node-1', endpoints: ['rest://a:1'] })
    expectError(reply, '400012', "Invalid 'serviceID' in request body.")
  })

  it('answers 400001 when instance is missing or the body is not JSON', async () => {
    const serviceId = await createService()
    expectError(await post(instancesPath(serviceId), {}), '400001')
    expectError(await send('POST', instancesPath(serviceId), { body: 'instance' }), '400001')
    expectError(await send('POST', instancesPath(serviceId)), '400001')
  })

  it('answers 400001 when an instance field breaks its rule', async () => {
    const serviceId = await createService()
    const good = { hostName: 'node-1', endpoints: ['rest://10.0.0.1:8080'] }
    const bad: Record<string, unknown>[] = [
      { hostName: undefined },
      { hostName: '' },
      { hostName: '   ' },
      { hostName: filler(65) },
      { endpoints: [' '] },
      { endpoints: 'rest://a:1' },
      { status: 'up' },
      { status: 'GONE' },
      { instanceId: 'a/b' },
      { instanceId: filler(65) },
      { healthCheck: { interval: 30 } },
      { healthCheck: { mode: 'poll', interval: 30 } },
      { healthCheck: { mode: 'push' } },
      { healthCheck: { mode: 'push', interval: 0 } },
      { healthCheck: { mode: 'push', interval: 30, times: -1 } },
      { healthCheck: { mode: 'push', interval: 30, port: 70000 } },
      { healthCheck: { mode: 'push', interval: '30' } },
      { healthCheck: { mode: 'push', interval: 30, url: '/a b' } },
      { dataCenterInfo: { name: 'dc1', region: 'north' } },
      { dataCenterInfo: { name: 'dc 1', region: 'north', availableZone: 'a' } },
      { properties: { weight: 10 } },
    ]
    for (const fields of bad) {
      const reply = await register(serviceId, { ...good, ...fields })
      expect(reply.status, JSON.stringify(fields)).toBe(400)
      expectError(reply, '400001')
    }
    expect(expectJsonOk(await list(serviceId))).toEqual({})
  })

  it('answers 400001 for a registration body over 5 KiB', async () => {
    const serviceId = await createService()
    const reply = await register(serviceId, {
      hostName: 'node-1',
      endpoints: ['rest://a:1'],
      properties: { blob: filler(5 * 1024) },
    })
    expectError(reply, '400001')
  })

  it('accepts a registration body of exactly 5 KiB', async () => {
    const serviceId = await createService()
    const instance = { hostName: 'node-1', endpoints: ['rest://a:1'], properties: { blob: '' } }
    const overhead = JSON.stringify({ instance }).length
    instance.properties.blob = filler(5 * 1024 - overhead)
    expect(JSON.stringify({ instance })).toHaveLength(5 * 1024)
    expect((await register(serviceId, instance)).status).toBe(200)
  })

  it('answers 400001 for a serviceId with whitespace in the path', async () => {
    expectError(
      await register('a%20b', { hostName: 'node-1', endpoints: ['rest://a:1'] }),
      '400001',
    )
  })
})

describe('health check and lease', () => {
  it('raises push-mode interval to 5 s and times to 3 in the servicecomb profile', async () => {
    api.mock().setProfile('servicecomb')
    const serviceId = await createService()
    const instanceId = await registerInstance(serviceId, {
      healthCheck: { mode: 'push', interval: 1, times: 0 },
    })
    expect((await readInstance(serviceId, instanceId)).healthCheck).toEqual({
      mode: 'push',
      interval: 5,
      times: 3,
    })
  })

  it('keeps push-mode interval and times as sent in the cse profile', async () => {
    const serviceId = await createService()
    const instanceId = await registerInstance(serviceId, {
      healthCheck: { mode: 'push', interval: 1, times: 0 },
    })
    // `times: 0` is a zero number, which the registry leaves out of its output (§1.4).
    expect((await readInstance(serviceId, instanceId)).healthCheck).toEqual({
      mode: 'push',
      interval: 1,
    })
  })

  it('forces pull mode to an interval of 30 s and 3 times', async () => {
    for (const profile of ['cse', 'servicecomb'] as const) {
      api.mock().setProfile(profile)
      const serviceId = await createService({ serviceName: `cart-${profile}` })
      const instanceId = await registerInstance(serviceId, {
        healthCheck: { mode: 'pull', interval: 7, times: 1 },
      })
      expect((await readInstance(serviceId, instanceId)).healthCheck, profile).toEqual({
        mode: 'pull',
        interval: 30,
        times: 3,
      })
    }
  })

  it('expires an instance after interval × (times + 1) seconds by deleting it', async () => {
    const serviceId = await createService()
    const instanceId = await registerInstance(serviceId, {
      healthCheck: { mode: 'push', interval: 10, times: 2 },
    })
    const before = await revisionOf(serviceId)
    api.mock().advance(29_999)
    expect((await readInstance(serviceId, instanceId)).instanceId).toBe(instanceId)
    api.mock().advance(1)
    expectError(await get(`${instancesPath(serviceId)}/${instanceId}`), '400017')
    expect(expectJsonOk(await list(serviceId))).toEqual({})
    expect(await revisionOf(serviceId)).not.toBe(before)
  })

  it('expires the default health check after 120 s', async () => {
    const serviceId = await createService()
    const instanceId = await registerInstance(serviceId)
    api.mock().advance(119_000)
    expect((await readInstance(serviceId, instanceId)).instanceId).toBe(instanceId)
    api.mock().advance(1_000)
    expectError(await get(`${instancesPath(serviceId)}/${instanceId}`), '400017')
  })

  it('expires a clamped servicecomb lease after 20 s instead of 1 s', async () => {
    api.mock().setProfile('servicecomb')
    const serviceId = await createService()
    const instanceId = await registerInstance(serviceId, {
      healthCheck: { mode: 'push', interval: 1, times: 0 },
    })
    api.mock().advance(19_000)
    expect((await readInstance(serviceId, instanceId)).instanceId).toBe(instanceId)
    api.mock().advance(1_000)
    expectError(await get(`${instancesPath(serviceId)}/${instanceId}`), '400017')
  })

  it('keeps the service when its last instance expires', async () => {
    const serviceId = await createService()
    await registerInstance(serviceId)
    api.mock().advance(120_000)
    expect((await get(`/microservices/${serviceId}`)).status).toBe(200)
    expect(expectJsonOk(await list(serviceId))).toEqual({})
  })

  it('registers a fresh instance under a custom id whose lease expired', async () => {
    const serviceId = await createService()
    await registerInstance(serviceId, { instanceId: 'node-a', hostName: 'old' })
    api.mock().advance(120_000)
    const reply = await register(serviceId, {
      instanceId: 'node-a',
      hostName: 'new',
      endpoints: ['rest://10.9.9.9:1'],
    })
    expect(expectJsonOk(reply)).toEqual({ instanceId: 'node-a' })
    const stored = await readInstance(serviceId, 'node-a')
    expect(stored).toMatchObject({ hostName: 'new', timestamp: nowSeconds() })
  })
})

describe('re-registration', () => {
  it('re-registering a custom instanceId overwrites the instance in the cse profile', async () => {
    const serviceId = await createService()
    await registerInstance(serviceId, { instanceId: 'node-a', hostName: 'old', status: 'UP' })
    const before = await revisionOf(serviceId)
    api.mock().advance(100_000)
    const reply = await register(serviceId, {
      instanceId: 'node-a',
      hostName: 'new',
      endpoints: ['rest://10.9.9.9:1'],
      status: 'DOWN',
    })
    expect(expectJsonOk(reply)).toEqual({ instanceId: 'node-a' })
    expect(await readInstance(serviceId, 'node-a')).toMatchObject({
      hostName: 'new',
      endpoints: ['rest://10.9.9.9:1'],
      status: 'DOWN',
      modTimestamp: nowSeconds(),
    })
    expect(await revisionOf(serviceId)).not.toBe(before)
    // The lease was renewed: 100 s + 119 s after the first registration it is still there.
    api.mock().advance(119_000)
    expect((await readInstance(serviceId, 'node-a')).hostName).toBe('new')
  })

  it('takes the lease of the new health check when the cse profile overwrites an instance', async () => {
    const serviceId = await createService()
    await registerInstance(serviceId, { instanceId: 'node-a' })
    await registerInstance(serviceId, {
      instanceId: 'node-a',
      healthCheck: { mode: 'push', interval: 10, times: 0 },
    })
    api.mock().advance(9_999)
    expect((await readInstance(serviceId, 'node-a')).instanceId).toBe('node-a')
    api.mock().advance(1)
    expectError(await get(`${instancesPath(serviceId)}/node-a`), '400017')
  })

  it('re-registering a live custom instanceId only renews its lease in the servicecomb profile', async () => {
    api.mock().setProfile('servicecomb')
    const serviceId = await createService()
    await registerInstance(serviceId, { instanceId: 'node-a', hostName: 'old' })
    const stored = await readInstance(serviceId, 'node-a')
    const before = await revisionOf(serviceId)
    api.mock().advance(100_000)
    const reply = await register(serviceId, {
      instanceId: 'node-a',
      hostName: 'new',
      status: 'DOWN',
    })
    expect(expectJsonOk(reply)).toEqual({ instanceId: 'node-a' })
    expect(await readInstance(serviceId, 'node-a')).toEqual(stored)
    expect(await revisionOf(serviceId)).toBe(before)
    api.mock().advance(119_000)
    expect((await readInstance(serviceId, 'node-a')).hostName).toBe('old')
  })

  it('answers the existing instanceId for the same endpoints in the cse profile, without updating it', async () => {
    const serviceId = await createService()
    const body = {
      hostName: 'node-1',
      endpoints: ['rest://10.0.0.1:8080', 'highway://10.0.0.1:7070'],
    }
    const first = expectJsonOk(await register(serviceId, body)).instanceId
    const again = { ...body, hostName: 'node-2', endpoints: [...body.endpoints].reverse() }
    expect(expectJsonOk(await register(serviceId, again)).instanceId).toBe(first)
    expect(expectJsonOk(await list(serviceId)).instances).toHaveLength(1)
    expect((await readInstance(serviceId, first)).hostName).toBe('node-1')
  })

  it('tells instances with the same endpoints apart by data center and nodeIP in the cse profile', async () => {
    const serviceId = await createService()
    const endpoints = ['rest://10.0.0.1:8080']
    const a = expectJsonOk(await register(serviceId, { hostName: 'a', endpoints })).instanceId
    const dataCenterInfo = { name: 'dc', region: 'north', availableZone: 'north-a' }
    const b = expectJsonOk(
      await register(serviceId, { hostName: 'b', endpoints, dataCenterInfo }),
    ).instanceId
    const properties = { nodeIP: '10.1.1.1' }
    const c = expectJsonOk(
      await register(serviceId, { hostName: 'c', endpoints, properties }),
    ).instanceId
    expect(new Set([a, b, c]).size).toBe(3)
  })

  it('answers 400025 for endpoints already used by another service in the cse profile', async () => {
    const a = await createService()
    const b = await createService({ serviceName: 'orders' })
    const body = { hostName: 'node-1', endpoints: ['rest://10.0.0.1:8080'] }
    expect((await register(a, body)).status).toBe(200)
    expectError(await register(b, body), '400025')
  })
})

describe('list and get', () => {
  it('answers {} with a revision for a service without instances', async () => {
    const serviceId = await createService()
    const reply = await list(serviceId)
    expect(expectJsonOk(reply)).toEqual({})
    expect(reply.headers.get('X-Resource-Revision')).toMatch(/^[0-9a-f]{40}$/)
  })

  it('lists instances of every status', async () => {
    const serviceId = await createService()
    for (const status of ['UP', 'DOWN', 'STARTING', 'TESTING', 'OUTOFSERVICE'] as const) {
      await registerInstance(serviceId, { status })
    }
    const { instances } = expectJsonOk(await list(serviceId))
    expect(instances?.map((i) => i.status).sort()).toEqual([
      'DOWN',
      'OUTOFSERVICE',
      'STARTING',
      'TESTING',
      'UP',
    ])
  })

  it('answers 304 with X-Resource-Revision when rev is current, and 200 when it is not', async () => {
    const serviceId = await createService()
    await registerInstance(serviceId)
    const rev = await revisionOf(serviceId)
    const same = await list(serviceId, `?rev=${rev}`)
    expect(same.status).toBe(304)
    expect(same.headers.get('X-Resource-Revision')).toBe(rev)
    expect((await list(serviceId, '?rev=0')).status).toBe(200)
  })

  it('ignores rev when noCache or cacheOnly is present', async () => {
    const serviceId = await createService()
    await registerInstance(serviceId)
    const rev = await revisionOf(serviceId)
    for (const flag of ['noCache=true', 'noCache=1', 'cacheOnly=1']) {
      const reply = await list(serviceId, `?rev=${rev}&${flag}`)
      expect(reply.status, flag).toBe(200)
      expect(reply.headers.get('X-Resource-Revision')).toBe(rev)
    }
  })

  it('gets one instance with its revision, 304 when rev is current', async () => {
    const serviceId = await createService()
    const instanceId = await registerInstance(serviceId)
    const reply = await get(`${instancesPath(serviceId)}/${instanceId}`)
    const rev = reply.headers.get('X-Resource-Revision')!
    expect(rev).toMatch(/^[0-9a-f]{40}$/)
    const again = await get(`${instancesPath(serviceId)}/${instanceId}?rev=${rev}`)
    expect(again.status).toBe(304)
    expect(again.headers.get('X-Resource-Revision')).toBe(rev)
    expect(
      (await get(`${instancesPath(serviceId)}/${instanceId}?rev=${rev}&noCache=1`)).status,
    ).toBe(200)
  })

  it('keeps only providers carrying every tag key asked for (400012 otherwise)', async () => {
    const serviceId = await createService()
    const instanceId = await registerInstance(serviceId)
    await post(`/microservices/${serviceId}/tags`, { tags: { canary: 'yes', zone: 'a' } })
    expect(expectJsonOk(await list(serviceId, '?tags=canary,zone')).instances).toHaveLength(1)
    expectError(await list(serviceId, '?tags=canary,blue'), '400012')
    expect((await get(`${instancesPath(serviceId)}/${instanceId}?tags=zone`)).status).toBe(200)
    expectError(await get(`${instancesPath(serviceId)}/${instanceId}?tags=blue`), '400017')
  })

  it('answers 400012 for an unknown consumer or provider, 400017 for an unknown instance', async () => {
    const serviceId = await createService()
    const instanceId = await registerInstance(serviceId)
    expectError(await list('unknown'), '400012')
    expectError(await list(serviceId, '', { 'X-ConsumerId': 'nobody' }), '400012')
    expectError(await get(`${instancesPath(serviceId)}/unknown`), '400017')
    expectError(await get(`${instancesPath('unknown')}/${instanceId}`), '400012')
    const headers = { 'X-ConsumerId': 'nobody' }
    expectError(await get(`${instancesPath(serviceId)}/${instanceId}`, { headers }), '400012')
  })

  it('hides providers of another app from a consumer (400012 / 400017) unless allowCrossApp', async () => {
    const provider = await createService({ appId: 'other' })
    const instanceId = await registerInstance(provider)
    const consumer = await createService({ serviceName: 'web' })
    const headers = { 'X-ConsumerId': consumer }
    expectError(await list(provider, '', headers), '400012')
    expectError(await get(`${instancesPath(provider)}/${instanceId}`, { headers }), '400017')
    await put(`/microservices/${provider}/properties`, { properties: { allowCrossApp: 'TRUE' } })
    expect(expectJsonOk(await list(provider, '', headers)).instances).toHaveLength(1)
  })

  it('hides providers of another environment from a consumer', async () => {
    const provider = await createService({ environment: 'production' })
    await registerInstance(provider)
    const consumer = await createService({ serviceName: 'web', environment: 'testing' })
    expectError(await list(provider, '', { 'X-ConsumerId': consumer }), '400012')
  })

  it('answers 400001 for malformed ids, tags or X-ConsumerId, before any lookup', async () => {
    expectError(await get(`${instancesPath('unknown')}/bad%20id`), '400001')
    expectError(await get(`${instancesPath('unknown')}/${filler(65)}`), '400001')
    expectError(await list('unknown', '?tags=1x'), '400001')
    expectError(await list('unknown', '', { 'X-ConsumerId': filler(65) }), '400001')
  })
})

describe('deregister', () => {
  it('deletes the instance with an empty 200 and changes the revision', async () => {
    const serviceId = await createService()
    const instanceId = await registerInstance(serviceId)
    const before = await revisionOf(serviceId)
    expectEmptyOk(await del(`${instancesPath(serviceId)}/${instanceId}`))
    expectError(await get(`${instancesPath(serviceId)}/${instanceId}`), '400017')
    expect(await revisionOf(serviceId)).not.toBe(before)
  })

  it('answers 400017 for an unknown instance, or a known one under another serviceId', async () => {
    const a = await createService()
    const b = await createService({ serviceName: 'orders' })
    const instanceId = await registerInstance(a)
    expectError(await del(`${instancesPath(a)}/unknown`), '400017')
    expectError(await del(`${instancesPath(b)}/${instanceId}`), '400017')
    expectError(await del(`${instancesPath('unknown')}/${instanceId}`), '400017')
    expectError(await del(`${instancesPath(a)}/bad%20id`), '400001')
  })
})

describe('status and properties updates', () => {
  it('a status update rewrites status and modTimestamp and changes the revision', async () => {
    const serviceId = await createService()
    const instanceId = await registerInstance(serviceId)
    const before = await revisionOf(serviceId)
    const created = await readInstance(serviceId, instanceId)
    api.mock().advance(3_000)
    expectEmptyOk(await put(`${instancesPath(serviceId)}/${instanceId}/status?value=DOWN`))
    const updated = await readInstance(serviceId, instanceId)
    expect(updated.status).toBe('DOWN')
    expect(updated.timestamp).toBe(created.timestamp)
    expect(Number(updated.modTimestamp)).toBe(Number(created.modTimestamp) + 3)
    expect(await revisionOf(serviceId)).not.toBe(before)
  })

  it('a status update does not renew the lease', async () => {
    const serviceId = await createService()
    const instanceId = await registerInstance(serviceId)
    api.mock().advance(100_000)
    expectEmptyOk(await put(`${instancesPath(serviceId)}/${instanceId}/status?value=DOWN`))
    api.mock().advance(20_000)
    expectError(await get(`${instancesPath(serviceId)}/${instanceId}`), '400017')
  })

  it('a status update answers 400001 for a missing or unknown value and keeps the status', async () => {
    const serviceId = await createService()
    const instanceId = await registerInstance(serviceId)
    const path = `${instancesPath(serviceId)}/${instanceId}/status`
    expectError(await put(path), '400001')
    expectError(await put(`${path}?value=down`), '400001')
    expectError(await put(`${path}?value=GONE`), '400001')
    expect((await readInstance(serviceId, instanceId)).status).toBe('UP')
  })

  it('a status update answers 400017 for an unknown instance', async () => {
    const serviceId = await createService()
    expectError(await put(`${instancesPath(serviceId)}/unknown/status?value=DOWN`), '400017')
  })

  it('a properties update replaces the map, sets modTimestamp and changes the revision', async () => {
    const serviceId = await createService()
    const instanceId = await registerInstance(serviceId, { properties: { a: '1', b: '2' } })
    const before = await revisionOf(serviceId)
    api.mock().advance(2_000)
    const path = `${instancesPath(serviceId)}/${instanceId}/properties`
    expectEmptyOk(await put(path, { properties: { c: '3' } }))
    const updated = await readInstance(serviceId, instanceId)
    expect(updated.properties).toEqual({ c: '3' })
    expect(updated.modTimestamp).toBe(nowSeconds())
    expect(await revisionOf(serviceId)).not.toBe(before)
    expectEmptyOk(await put(path, { properties: {} }))
    expect(await readInstance(serviceId, instanceId)).not.toHaveProperty('properties')
  })

  it('a properties update does not renew the lease', async () => {
    const serviceId = await createService()
    const instanceId = await registerInstance(serviceId)
    api.mock().advance(100_000)
    await put(`${instancesPath(serviceId)}/${instanceId}/properties`, { properties: { a: '1' } })
    api.mock().advance(20_000)
    expectError(await get(`${instancesPath(serviceId)}/${instanceId}`), '400017')
  })

  it('a properties update answers 400017, or 400001 for bad values, bad JSON or over 3 KiB', async () => {
    const serviceId = await createService()
    const instanceId = await registerInstance(serviceId)
    const path = `${instancesPath(serviceId)}/${instanceId}/properties`
    expectError(
      await put(`${instancesPath(serviceId)}/unknown/properties`, { properties: {} }),
      '400017',
    )
    expectError(await put(path, { properties: { a: 1 } }), '400001')
    expectError(await send('PUT', path, { body: '{"properties":{' }), '400001')
    expectError(await put(path, { properties: { a: filler(3 * 1024) } }), '400001')
  })
})

describe('status by properties', () => {
  it('sets the status of every instance whose properties contain all pairs', async () => {
    const serviceId = await createService()
    const blue = await registerInstance(serviceId, { properties: { zone: 'blue', rack: '1' } })
    const green = await registerInstance(serviceId, { properties: { zone: 'green' } })
    const reply = await put('/instances/status', {
      matches: { properties: { zone: 'blue' } },
      status: 'OUTOFSERVICE',
    })
    expectEmptyOk(reply)
    expect((await readInstance(serviceId, blue)).status).toBe('OUTOFSERVICE')
    expect((await readInstance(serviceId, green)).status).toBe('UP')
  })

  it('answers an empty 200 when no instance matches', async () => {
    await registerInstance(await createService(), { properties: { zone: 'blue' } })
    expectEmptyOk(
      await put('/instances/status', { matches: { properties: { zone: 'red' } }, status: 'DOWN' }),
    )
  })

  // Reference §5.9 says there is no status check, and Service Center 2.2 stored "BOGUS"
  // (docs/compatibility.md); the mock refuses a status no client could read back instead.
  it('answers 400001 to a status outside the enum and leaves the instances as they were', async () => {
    const serviceId = await createService()
    const instanceId = await registerInstance(serviceId, { properties: { zone: 'blue' } })
    const reply = await put('/instances/status', {
      matches: { properties: { zone: 'blue' } },
      status: 'BOGUS',
    })
    expectError(reply, '400001')
    expect((await readInstance(serviceId, instanceId)).status).toBe('UP')
  })

  it('answers 400001 without a status or with bad JSON', async () => {
    expectError(await put('/instances/status', { matches: { properties: { a: 'b' } } }), '400001')
    expectError(await send('PUT', '/v4/default/registry/instances/status', { body: '[' }), '400001')
  })
})

itExercises(api, COVERAGE.instances)
