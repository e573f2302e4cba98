import { describe, expect, it } from 'vitest'
import { COVERAGE } from './coverage.ts'
import {
  createService,
  expectEmptyOk,
  expectError,
  expectJsonOk,
  get,
  itExercises,
  type MicroService,
  type Reply,
  registerInstance,
  send,
  useCseMock,
} from './helpers.ts'

const api = useCseMock()

const web = { appId: 'shop', serviceName: 'web', version: '1.0.0' }

const providersOf = async (consumerId: string, query = '') => {
  const reply = await get<{ providers?: MicroService[] }>(
    `/microservices/${consumerId}/providers${query}`,
  )
  return (expectJsonOk(reply).providers ?? []).map((s) => s.serviceId)
}

const consumersOf = async (providerId: string, query = '') => {
  const reply = await get<{ consumers?: MicroService[] }>(
    `/microservices/${providerId}/consumers${query}`,
  )
  return (expectJsonOk(reply).consumers ?? []).map((s) => s.serviceId)
}

const discover = async (consumerId: string, serviceName: string, version = '0+') => {
  const query = new URLSearchParams({ appId: 'shop', serviceName, version })
  const reply = await get(`/instances?${query}`, { headers: { 'X-ConsumerId': consumerId } })
  expect(reply.status).toBe(200)
}

const dependencies = (method: 'POST' | 'PUT', providers: unknown[], consumer: unknown = web) =>
  send(method, '/dependencies', { json: { dependencies: [{ consumer, providers }] } })

function expectDeprecated(reply: Reply) {
  expectEmptyOk(reply)
  expect(reply.headers.get('Deprecation')).toBe('version="v4"')
}

describe('providers and consumers', () => {
  it('answers {} for a service without dependencies', async () => {
    const serviceId = await createService()
    expect(expectJsonOk(await get(`/microservices/${serviceId}/providers`))).toEqual({})
    expect(expectJsonOk(await get(`/microservices/${serviceId}/consumers`))).toEqual({})
  })

  it('lists every version of a provider discovered with 0.0.0+ and the consumer on each', async () => {
    const v1 = await createService({ version: '1.0.0' })
    const v2 = await createService({ version: '2.0.0' })
    const consumer = await createService(web)
    await discover(consumer, 'cart', '0.0.0+')
    expect((await providersOf(consumer)).sort()).toEqual([v1, v2].sort())
    expect(await consumersOf(v1)).toEqual([consumer])
    expect(await consumersOf(v2)).toEqual([consumer])
  })

  it('lists the providers matching the rule a cse consumer discovered with, the latest rule replacing the earlier', async () => {
    const v1 = await createService({ version: '1.0.0' })
    const v2 = await createService({ version: '2.0.0' })
    const consumer = await createService(web)
    await discover(consumer, 'cart', '1.0.0')
    expect(await providersOf(consumer)).toEqual([v1])
    await discover(consumer, 'cart', 'latest')
    expect(await providersOf(consumer)).toEqual([v2])
  })

  it('lists all versions of the provider whatever rule a servicecomb consumer used', async () => {
    api.mock().setProfile('servicecomb')
    const v1 = await createService({ version: '1.0.0' })
    const v2 = await createService({ version: '2.0.0' })
    const consumer = await createService(web)
    await discover(consumer, 'cart', '1.0.0')
    expect((await providersOf(consumer)).sort()).toEqual([v1, v2].sort())
  })

  it('includes a provider version registered after the dependency was recorded', async () => {
    const v1 = await createService({ version: '1.0.0' })
    const consumer = await createService(web)
    await discover(consumer, 'cart')
    const v2 = await createService({ version: '2.0.0' })
    expect((await providersOf(consumer)).sort()).toEqual([v1, v2].sort())
  })

  it('drops the service itself with noSelf=1 only', async () => {
    const serviceId = await createService()
    await discover(serviceId, 'cart')
    expect(await providersOf(serviceId)).toEqual([serviceId])
    expect(await providersOf(serviceId, '?noSelf=true')).toEqual([serviceId])
    expect(await providersOf(serviceId, '?noSelf=1')).toEqual([])
    expect(await consumersOf(serviceId, '?noSelf=1')).toEqual([])
    expect(await consumersOf(serviceId, '?noSelf=1&sameDomain=1')).toEqual([])
    expect(await consumersOf(serviceId, '?sameDomain=1')).toEqual([serviceId])
  })

  it('answers 400012 for an unknown service and 400001 for a malformed id', async () => {
    expectError(await get('/microservices/unknown/providers'), '400012')
    expectError(await get('/microservices/unknown/consumers'), '400012')
    expectError(await get('/microservices/a%20b/providers'), '400001')
    expectError(await get('/microservices/a%20b/consumers'), '400001')
  })
})

describe('explicit dependencies', () => {
  it('POST adds providers with an empty 200 and the Deprecation header', async () => {
    const cart = await createService()
    const orders = await createService({ serviceName: 'orders' })
    const consumer = await createService(web)
    expectDeprecated(await dependencies('POST', [{ serviceName: 'cart' }]))
    expectDeprecated(await dependencies('POST', [{ appId: 'shop', serviceName: 'orders' }]))
    expect((await providersOf(consumer)).sort()).toEqual([cart, orders].sort())
    expect(await consumersOf(cart)).toEqual([consumer])
  })

  it("POST defaults the provider's appId to the consumer's", async () => {
    const cart = await createService()
    await createService({ appId: 'other' })
    const consumer = await createService(web)
    await dependencies('POST', [{ serviceName: 'cart' }])
    expect(await providersOf(consumer)).toEqual([cart])
  })

  it('PUT overwrites the provider list, an empty one clearing it', async () => {
    await createService()
    const orders = await createService({ serviceName: 'orders' })
    const consumer = await createService(web)
    await dependencies('POST', [{ serviceName: 'cart' }])
    expectDeprecated(await dependencies('PUT', [{ serviceName: 'orders' }]))
    expect(await providersOf(consumer)).toEqual([orders])
    expectDeprecated(await dependencies('PUT', []))
    expect(await providersOf(consumer)).toEqual([])
  })

  it('answers 400012 when the consumer does not exist with exactly that key', async () => {
    await createService()
    await createService(web)
    for (const method of ['POST', 'PUT'] as const) {
      expectError(
        await dependencies(method, [{ serviceName: 'cart' }], { ...web, version: '2.0.0' }),
        '400012',
      )
      expectError(
        await dependencies(method, [{ serviceName: 'cart' }], {
          ...web,
          environment: 'production',
        }),
        '400012',
      )
    }
  })

  it('answers 400001 for duplicate providers, no providers on POST or a "*" provider', async () => {
    await createService()
    const consumer = await createService(web)
    expectError(
      await dependencies('POST', [{ serviceName: 'cart' }, { serviceName: 'cart' }]),
      '400001',
    )
    expectError(
      await dependencies('PUT', [{ serviceName: 'cart' }, { serviceName: 'cart', appId: 'shop' }]),
      '400001',
    )
    expectError(await dependencies('POST', []), '400001')
    expectError(await dependencies('POST', [{ serviceName: '*' }]), '400001')
    expect(await providersOf(consumer)).toEqual([])
  })

  it('answers 400001 for an empty or missing list, a consumer without version, or bad JSON', async () => {
    for (const method of ['POST', 'PUT'] as const) {
      expectError(await send(method, '/dependencies', { json: { dependencies: [] } }), '400001')
      expectError(await send(method, '/dependencies', { json: {} }), '400001')
      expectError(
        await dependencies(method, [{ serviceName: 'cart' }], {
          appId: 'shop',
          serviceName: 'web',
        }),
        '400001',
      )
      expectError(await send(method, '/dependencies', { body: '{"dependencies":' }), '400001')
    }
  })

  it('lets a dependency added by POST block a non-forced delete of the provider', async () => {
    const cart = await createService()
    await createService(web)
    await dependencies('POST', [{ serviceName: 'cart' }])
    expectError(await send('DELETE', `/microservices/${cart}`), '400023')
  })
})

describe('watch', () => {
  it('answers a plain GET on the watcher with 400: it is not a websocket upgrade', async () => {
    const consumer = await createService(web)
    await registerInstance(await createService())
    for (const path of [`/microservices/${consumer}/watcher`, '/microservices/a%20b/watcher']) {
      const reply = await get(path)
      // gorilla/websocket's own refusal, before anything is looked at.
      expect({ status: reply.status, text: reply.text }).toEqual({
        status: 400,
        text: 'Bad Request\n',
      })
      expect(reply.headers.get('Sec-Websocket-Version')).toBe('13')
      expect(reply.headers.get('X-Content-Type-Options')).toBe('nosniff')
    }
  })
})

itExercises(api, COVERAGE.dependencies)
