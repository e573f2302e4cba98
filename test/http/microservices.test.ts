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
  type MicroService,
  post,
  put,
  readService,
  registerInstance,
  send,
  useCseMock,
} from './helpers.ts'

const api = useCseMock()

const nowSeconds = () => String(Math.floor(api.mock().clock.now() / 1000))

/** Discovers `cart` as `consumerId`, which records the dependency consumer → cart. */
async function depend(consumerId: string, serviceName = 'cart') {
  const query = new URLSearchParams({ appId: 'shop', serviceName, version: '0+' })
  const reply = await get(`/instances?${query}`, { headers: { 'X-ConsumerId': consumerId } })
  expect(reply.status).toBe(200)
}

describe('create', () => {
  it('fills appId, version, level, status and the development environment in the cse profile', async () => {
    const reply = await post<{ serviceId: string }>('/microservices', {
      service: { serviceName: 'cart' },
    })
    const { serviceId } = expectJsonOk(reply)
    expect(await readService(serviceId)).toEqual({
      serviceId,
      environment: 'development',
      appId: 'default',
      serviceName: 'cart',
      version: '0.0.1',
      level: 'BACK',
      status: 'UP',
      timestamp: nowSeconds(),
      modTimestamp: nowSeconds(),
    })
  })

  it('applies the defaults before validation: empty appId, version, level and status are filled in', async () => {
    const reply = await post<{ serviceId: string }>('/microservices', {
      service: { serviceName: 'cart', appId: '', version: '', level: '', status: '' },
    })
    const stored = await readService(expectJsonOk(reply).serviceId)
    expect(stored).toMatchObject({
      appId: 'default',
      version: '0.0.1',
      level: 'BACK',
      status: 'UP',
    })
  })

  it('leaves the environment empty (and omits it) in the servicecomb profile', async () => {
    api.mock().setProfile('servicecomb')
    const serviceId = await createService()
    expect(await readService(serviceId)).not.toHaveProperty('environment')
  })

  it('derives a 40-hex serviceId from the identity, the same again after delete and re-create', async () => {
    const serviceId = await createService()
    expect(serviceId).toMatch(/^[0-9a-f]{40}$/)
    expectEmptyOk(await del(`/microservices/${serviceId}`))
    expect(await createService()).toBe(serviceId)
  })

  it('keeps a serviceId given by the client', async () => {
    expect(await createService({ serviceId: 'my-cart-id' })).toBe('my-cart-id')
  })

  it('answers the existing id when the same identity is created again, without updating it', async () => {
    const serviceId = await createService({ description: 'first' })
    expect(await createService({ description: 'second', properties: { a: 'b' } })).toBe(serviceId)
    expect(await createService({ serviceId })).toBe(serviceId)
    const stored = await readService(serviceId)
    expect(stored.description).toBe('first')
    expect(stored).not.toHaveProperty('properties')
  })

  it('treats another environment or version of the same name as another service', async () => {
    const a = await createService()
    const b = await createService({ environment: 'production' })
    const c = await createService({ version: '1.0' })
    expect(new Set([a, b, c]).size).toBe(3)
  })

  it('answers 400010 for another serviceId on an existing identity', async () => {
    await createService()
    const reply = await post('/microservices', {
      service: { serviceName: 'cart', appId: 'shop', version: '1.0.0', serviceId: 'other' },
    })
    expectError(reply, '400010')
  })

  it('answers 400010 for a serviceId already used by another identity', async () => {
    await createService({ serviceId: 'taken' })
    const reply = await post('/microservices', {
      service: { serviceName: 'orders', appId: 'shop', serviceId: 'taken' },
    })
    expectError(reply, '400010')
  })

  it('answers 400010 for an alias and version already used by another service', async () => {
    await createService({ alias: 'basket' })
    const reply = await post('/microservices', {
      service: { serviceName: 'orders', appId: 'shop', version: '1.0.0', alias: 'basket' },
    })
    expectError(reply, '400010')
  })

  it('answers 400001 "Request body is empty" when service is missing', async () => {
    expectError(await post('/microservices', {}), '400001')
    expectError(await post('/microservices', { service: null }), '400001')
    expectError(await send('POST', '/microservices'), '400001')
  })

  it('answers 400001 when a service field breaks its rule', async () => {
    const bad: Record<string, unknown>[] = [
      { serviceName: '' },
      { serviceName: '-cart' },
      { serviceName: filler(129) },
      { appId: 'shop!' },
      { appId: filler(161) },
      { version: '1.' },
      { version: '1.0.0.0.0' },
      { version: '60000' },
      { environment: 'staging' },
      { level: 'TOP' },
      { status: 'BUSY' },
      { description: filler(257) },
      { alias: 'a b' },
      { registerBy: 'UNKNOWN' },
      { schemas: ['-bad'] },
      { serviceId: 'a b' },
      { framework: { name: '-x' } },
      { paths: [{ path: '/a b' }] },
      { properties: { a: 1 } },
    ]
    for (const fields of bad) {
      const reply = await post('/microservices', {
        service: { serviceName: 'cart', appId: 'shop', version: '1.0.0', ...fields },
      })
      expect(reply.status, JSON.stringify(fields)).toBe(400)
      expectError(reply, '400001')
    }
    expect(expectJsonOk(await get('/microservices'))).toEqual({})
  })

  it('accepts 1 to 4 version segments of at most 32767', async () => {
    for (const version of ['1', '1.0', '1.0.0', '1.0.0.1', '32767.0', '01.2']) {
      expect(
        (await post('/microservices', { service: { serviceName: 'cart', version } })).status,
      ).toBe(200)
    }
  })

  it('ignores unknown fields in the body', async () => {
    const reply = await post<{ serviceId: string }>('/microservices', {
      service: { serviceName: 'cart', color: 'blue' },
      extra: true,
    })
    const stored = await readService(expectJsonOk(reply).serviceId)
    expect(stored).not.toHaveProperty('color')
  })

  it('applies tags and registers instances sent with the service', async () => {
    const reply = await post<{ serviceId: string }>('/microservices', {
      service: { serviceName: 'cart', appId: 'shop', version: '1.0.0' },
      tags: { team: 'checkout' },
      instances: [{ hostName: 'node-1', endpoints: ['rest://10.0.0.1:8080'] }],
    })
    const { serviceId } = expectJsonOk(reply)
    expect(expectJsonOk(await get(`/microservices/${serviceId}/tags`))).toEqual({
      tags: { team: 'checkout' },
    })
    const listed = expectJsonOk(
      await get<{ instances?: unknown[] }>(`/microservices/${serviceId}/instances`),
    )
    expect(listed.instances).toHaveLength(1)
  })

  // Reference §4.1: tags and instances are applied after the service exists, and a failure
  // answers 400001 with the service kept; Service Center's create validator checks only
  // `service`.
  it('answers 400001 for an instance without hostName sent with the service, but keeps the service', async () => {
    const reply = await post('/microservices', {
      service: { serviceName: 'cart', appId: 'shop', version: '1.0.0' },
      instances: [{ endpoints: ['rest://10.0.0.1:8080'] }],
    })
    expectError(reply, '400001')
    const { services } = expectJsonOk(await get<{ services?: MicroService[] }>('/microservices'))
    expect(services?.map((s) => s.serviceName)).toEqual(['cart'])
  })

  it('answers 400001 for a malformed tag sent with the service, but keeps the service', async () => {
    const reply = await post('/microservices', {
      service: { serviceName: 'cart', appId: 'shop', version: '1.0.0' },
      tags: { team: '1' },
    })
    expectError(reply, '400001')
    const { services } = expectJsonOk(await get<{ services?: MicroService[] }>('/microservices'))
    expect(services?.map((s) => s.serviceName)).toEqual(['cart'])
  })

  it('answers 400001 when an instance sent with the service has no endpoints in the cse profile, but keeps the service', async () => {
    const reply = await post('/microservices', {
      service: { serviceName: 'cart', appId: 'shop', version: '1.0.0' },
      instances: [{ hostName: 'node-1' }],
    })
    expectError(reply, '400001')
    const { services } = expectJsonOk(await get<{ services?: MicroService[] }>('/microservices'))
    expect(services?.map((s) => s.serviceName)).toEqual(['cart'])
  })
})

describe('list and get', () => {
  it('answers {} when there are no services', async () => {
    expect(expectJsonOk(await get('/microservices'))).toEqual({})
  })

  it('lists every service of the tenant', async () => {
    const a = await createService()
    const b = await createService({ serviceName: 'orders' })
    const { services } = expectJsonOk(await get<{ services: MicroService[] }>('/microservices'))
    expect(services.map((s) => s.serviceId).sort()).toEqual([a, b].sort())
  })

  it('lists the shared SERVICECENTER only with withShared, as Service Center does', async () => {
    const serviceId = await createService()
    const plain = expectJsonOk(await get<{ services: MicroService[] }>('/microservices'))
    expect(plain.services.map((s) => s.serviceId)).toEqual([serviceId])
    const shared = expectJsonOk(
      await get<{ services: MicroService[] }>('/microservices?withShared=TRUE'),
    )
    expect(shared.services.map((s) => s.serviceName).sort()).toEqual(['SERVICECENTER', 'cart'])
    expect(shared.services.find((s) => s.serviceName === 'SERVICECENTER')).toMatchObject({
      appId: 'default',
      alias: 'SERVICECENTER',
      environment: 'development',
      version: '2.2.0',
      level: 'BACK',
      status: 'UP',
      properties: { allowCrossApp: 'true' },
    })
  })

  it('answers {} for a fresh registry even though SERVICECENTER is registered', async () => {
    expect(expectJsonOk(await get('/microservices'))).toEqual({})
  })

  it('refuses to delete SERVICECENTER with 400001, forced or not', async () => {
    const shared = expectJsonOk(
      await get<{ services: MicroService[] }>('/microservices?withShared=1'),
    )
    const own = shared.services.find((s) => s.serviceName === 'SERVICECENTER')!
    expectError(
      await del(`/microservices/${own.serviceId}?force=true`),
      '400001',
      'not allow to delete service center',
    )
    expect(expectJsonOk(await get(`/microservices/${own.serviceId}`))).toMatchObject({
      service: { serviceName: 'SERVICECENTER' },
    })
  })

  it('omits empty fields of the stored service', async () => {
    const serviceId = await createService({ description: '', properties: {}, schemas: [] })
    const stored = await readService(serviceId)
    for (const key of ['description', 'properties', 'schemas', 'alias', 'paths']) {
      expect(stored, key).not.toHaveProperty(key)
    }
  })

  it('answers 400012 for an unknown serviceId', async () => {
    expectError(await get('/microservices/unknown'), '400012', 'Service does not exist.')
  })

  it('answers 400001 for a serviceId with whitespace or over 64 characters, before any lookup', async () => {
    expectError(await get('/microservices/a%20b'), '400001')
    expectError(await get(`/microservices/${filler(65)}`), '400001')
  })
})

describe('delete one', () => {
  it('deletes a service with an empty 200', async () => {
    const serviceId = await createService()
    expectEmptyOk(await del(`/microservices/${serviceId}`))
    expectError(await get(`/microservices/${serviceId}`), '400012')
  })

  it('answers 400013 for a service with instances unless forced', async () => {
    const serviceId = await createService()
    await registerInstance(serviceId)
    expectError(await del(`/microservices/${serviceId}`), '400013')
    expectError(await del(`/microservices/${serviceId}?force=false`), '400013')
    expectError(await del(`/microservices/${serviceId}?force=0`), '400013')
    expectEmptyOk(await del(`/microservices/${serviceId}?force=true`))
  })

  it('removes the instances of a force-deleted service', async () => {
    const serviceId = await createService()
    await registerInstance(serviceId)
    expectEmptyOk(await del(`/microservices/${serviceId}?force=1`))
    const query = new URLSearchParams({ appId: 'shop', serviceName: 'cart', version: '0+' })
    expectError(await get(`/instances?${query}`), '400012')
    expect(api.mock().registry.stats().instances).toBe(0)
  })

  it('answers 400023 when another service depends on it, before looking at instances', async () => {
    const provider = await createService()
    await registerInstance(provider)
    const consumer = await createService({ serviceName: 'web' })
    await depend(consumer)
    expectError(await del(`/microservices/${provider}`), '400023')
    expectEmptyOk(await del(`/microservices/${provider}?force=true`))
  })

  it('lets a consumer of any version of the name block deleting every version', async () => {
    const v1 = await createService({ version: '1.0.0' })
    const v2 = await createService({ version: '2.0.0' })
    await depend(await createService({ serviceName: 'web' }))
    expectError(await del(`/microservices/${v1}`), '400023')
    expectError(await del(`/microservices/${v2}`), '400023')
  })

  it('does not count a dependency of the service on itself', async () => {
    const serviceId = await createService()
    await depend(serviceId)
    expectEmptyOk(await del(`/microservices/${serviceId}`))
  })

  it('drops the dependencies of a deleted consumer, so its providers can go', async () => {
    const provider = await createService()
    const consumer = await createService({ serviceName: 'web' })
    await depend(consumer)
    expectEmptyOk(await del(`/microservices/${consumer}`))
    expectEmptyOk(await del(`/microservices/${provider}`))
  })

  it('removes tags and schemas with the service', async () => {
    const serviceId = await createService()
    await post(`/microservices/${serviceId}/tags`, { tags: { team: 'a' } })
    await put(`/microservices/${serviceId}/schemas/hello`, { schema: 'x', summary: 'a1' })
    expectEmptyOk(await del(`/microservices/${serviceId}`))
    expect(await createService()).toBe(serviceId)
    expect(expectJsonOk(await get(`/microservices/${serviceId}/tags`))).toEqual({})
    expect(expectJsonOk(await get(`/microservices/${serviceId}/schemas`))).toEqual({})
  })

  it('answers 400001 for a force other than true, false, 1 or 0', async () => {
    const serviceId = await createService()
    expectError(await del(`/microservices/${serviceId}?force=yes`), '400001')
  })

  it('answers 400012 for an unknown service and 400001 for a malformed id', async () => {
    expectError(await del('/microservices/unknown'), '400012')
    expectError(await del('/microservices/a%20b'), '400001')
  })
})

describe('delete many', () => {
  it('answers an empty 200 when all are deleted in the cse profile', async () => {
    const a = await createService()
    const b = await createService({ serviceName: 'orders' })
    expectEmptyOk(await del('/microservices', { serviceIds: [a, b, a] }))
    expect(expectJsonOk(await get('/microservices'))).toEqual({})
  })

  it('answers 400001 when one fails in the cse profile, having deleted the others', async () => {
    const a = await createService()
    const b = await createService({ serviceName: 'orders' })
    await registerInstance(b)
    expectError(await del('/microservices', { serviceIds: [a, b, 'unknown'] }), '400001')
    const { services } = expectJsonOk(await get<{ services: MicroService[] }>('/microservices'))
    expect(services.map((s) => s.serviceId)).toEqual([b])
  })

  it('lists every service with errMessage on failures in the servicecomb profile', async () => {
    api.mock().setProfile('servicecomb')
    const a = await createService()
    const b = await createService({ serviceName: 'orders' })
    await registerInstance(b)
    const reply = await del<{ services: { serviceId: string; errMessage?: string }[] }>(
      '/microservices',
      { serviceIds: [a, b, 'unknown', a] },
    )
    const { services } = expectJsonOk(reply)
    expect(services).toHaveLength(3)
    expect(services.find((s) => s.serviceId === a)).toEqual({ serviceId: a })
    expect(services.find((s) => s.serviceId === b)?.errMessage).toMatch(
      /^Micro-service has deployed instance\(s\)/,
    )
    expect(services.find((s) => s.serviceId === 'unknown')?.errMessage).toMatch(
      /^Micro-service does not exist/,
    )
  })

  it('deletes services with instances when force is true', async () => {
    const a = await createService()
    await registerInstance(a)
    expectEmptyOk(await del('/microservices', { serviceIds: [a], force: true }))
  })

  it('answers 400001 for an empty or missing serviceIds, or a blank id', async () => {
    expectError(await del('/microservices', { serviceIds: [] }), '400001')
    expectError(await del('/microservices', {}), '400001')
    expectError(await del('/microservices', { serviceIds: [''] }), '400001')
    expectError(await del('/microservices', { serviceIds: ['a'], force: 'yes' }), '400001')
  })
})

describe('properties', () => {
  it('replaces the whole properties map and sets modTimestamp', async () => {
    const serviceId = await createService({ properties: { a: '1', b: '2' } })
    const created = await readService(serviceId)
    api.mock().advance(5000)
    expectEmptyOk(await put(`/microservices/${serviceId}/properties`, { properties: { c: '3' } }))
    const stored = await readService(serviceId)
    expect(stored.properties).toEqual({ c: '3' })
    expect(stored.timestamp).toBe(created.timestamp)
    expect(Number(stored.modTimestamp)).toBe(Number(created.modTimestamp) + 5)
  })

  it('clears the properties with an empty or missing map', async () => {
    const serviceId = await createService({ properties: { a: '1' } })
    expectEmptyOk(await put(`/microservices/${serviceId}/properties`, { properties: {} }))
    expect(await readService(serviceId)).not.toHaveProperty('properties')
    await put(`/microservices/${serviceId}/properties`, { properties: { a: '1' } })
    expectEmptyOk(await put(`/microservices/${serviceId}/properties`, {}))
    expect(await readService(serviceId)).not.toHaveProperty('properties')
  })

  it('answers 400012 for an unknown service', async () => {
    expectError(await put('/microservices/unknown/properties', { properties: {} }), '400012')
  })

  it('answers 400001 for non-string values, bad JSON or a body over 3 KiB', async () => {
    const serviceId = await createService()
    const path = `/microservices/${serviceId}/properties`
    expectError(await put(path, { properties: { a: 1 } }), '400001')
    expectError(await send('PUT', path, { body: '{"properties":' }), '400001')
    expectError(await put(path, { properties: { a: filler(3 * 1024) } }), '400001')
  })

  it('accepts a properties body of just under 3 KiB', async () => {
    const serviceId = await createService()
    const overhead = JSON.stringify({ properties: { a: '' } }).length
    const reply = await put(`/microservices/${serviceId}/properties`, {
      properties: { a: filler(3 * 1024 - overhead) },
    })
    expectEmptyOk(reply)
  })
})

itExercises(api, COVERAGE.microservices)
