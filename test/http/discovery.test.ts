import { describe, expect, it } from 'vitest'
import { COVERAGE } from './coverage.ts'
import {
  createService,
  del,
  expectError,
  expectJsonOk,
  get,
  itExercises,
  type MicroService,
  type MicroServiceInstance,
  post,
  put,
  registerInstance,
  useCseMock,
} from './helpers.ts'

const api = useCseMock()

type Found = { instances?: MicroServiceInstance[] }

/** `GET /registry/instances` with a query and, optionally, a consumer. */
const find = (query: Record<string, string>, consumerId?: string) =>
  get<Found>(`/instances?${new URLSearchParams(query)}`, {
    headers: consumerId ? { 'X-ConsumerId': consumerId } : {},
  })

const cart = (extra: Record<string, string> = {}) => ({
  appId: 'shop',
  serviceName: 'cart',
  version: '0+',
  ...extra,
})

const idsOf = (found: Found) => (found.instances ?? []).map((i) => i.instanceId)

const providersOf = async (consumerId: string) => {
  const reply = await get<{ providers?: MicroService[] }>(`/microservices/${consumerId}/providers`)
  return (expectJsonOk(reply).providers ?? []).map((p) => p.serviceId)
}

describe('query', () => {
  it('finds the instances of a service name with X-Resource-Revision', async () => {
    const serviceId = await createService()
    const instanceId = await registerInstance(serviceId)
    const reply = await find(cart())
    expect(idsOf(expectJsonOk(reply))).toEqual([instanceId])
    expect(reply.headers.get('X-Resource-Revision')).toMatch(/^[0-9a-f]{40}$/)
  })

  it('discovery returns instances of every status', async () => {
    const serviceId = await createService()
    for (const status of ['UP', 'DOWN', 'STARTING', 'TESTING', 'OUTOFSERVICE'] as const) {
      await registerInstance(serviceId, { status })
    }
    const { instances } = expectJsonOk(await find(cart()))
    expect(instances?.map((i) => i.status).sort()).toEqual([
      'DOWN',
      'OUTOFSERVICE',
      'STARTING',
      'TESTING',
      'UP',
    ])
  })

  it('accepts global=true and answers the same instances (one cluster only)', async () => {
    const instanceId = await registerInstance(await createService())
    expect(idsOf(expectJsonOk(await find(cart({ global: 'true' }))))).toEqual([instanceId])
  })

  it('answers {} for a provider without instances', async () => {
    await createService()
    expect(expectJsonOk(await find(cart()))).toEqual({})
  })

  it('answers 400012 when no service has that name', async () => {
    expectError(await find(cart({ serviceName: 'nothing' })), '400012')
  })

  it('answers 400001 without appId or serviceName: appId has no default here', async () => {
    const serviceId = await createService({ appId: 'default' })
    await registerInstance(serviceId)
    expectError(await find({ serviceName: 'cart', version: '0+' }), '400001')
    expectError(await find({ appId: 'default', version: '0+' }), '400001')
  })

  it('answers 400001 for a malformed appId, serviceName, env, tags or X-ConsumerId', async () => {
    for (const bad of [
      { appId: '-shop' },
      { serviceName: 'cart!' },
      { env: 'staging' },
      { tags: '1x' },
    ]) {
      expectError(await find(cart(bad)), '400001')
    }
    expectError(await find(cart(), 'a b'), '400001')
  })

  it('matches serviceName against names first, then aliases', async () => {
    const aliased = await createService({ serviceName: 'cart-v2', alias: 'cart' })
    const aliasInstance = await registerInstance(aliased)
    expect(idsOf(expectJsonOk(await find(cart())))).toEqual([aliasInstance])
    const named = await createService({ serviceName: 'cart', version: '3.0.0' })
    const namedInstance = await registerInstance(named)
    expect(idsOf(expectJsonOk(await find(cart())))).toEqual([namedInstance])
  })

  it('finds only providers of the environment asked for', async () => {
    const prod = await createService({ environment: 'production' })
    const prodInstance = await registerInstance(prod)
    const dev = await createService({ environment: 'development' })
    const devInstance = await registerInstance(dev)
    expect(idsOf(expectJsonOk(await find(cart({ env: 'production' }))))).toEqual([prodInstance])
    expect(idsOf(expectJsonOk(await find(cart({ env: 'development' }))))).toEqual([devInstance])
  })

  it('looks in development without env in the cse profile, in the empty environment in servicecomb', async () => {
    const dev = await createService({ environment: 'development' })
    const devInstance = await registerInstance(dev)
    expect(idsOf(expectJsonOk(await find(cart())))).toEqual([devInstance])
    api.mock().setProfile('servicecomb')
    const plain = await createService({ serviceName: 'orders' })
    const plainInstance = await registerInstance(plain)
    const found = await find({ appId: 'shop', serviceName: 'orders' })
    expect(idsOf(expectJsonOk(found))).toEqual([plainInstance])
    expectError(await find({ appId: 'shop', serviceName: 'cart' }), '400012')
  })
})

describe('tags filter', () => {
  it('keeps providers carrying every tag key asked for, whatever the values', async () => {
    const tagged = await createService({ version: '1.0.0' })
    await post(`/microservices/${tagged}/tags`, { tags: { canary: 'no', zone: 'a' } })
    const taggedInstance = await registerInstance(tagged)
    const plain = await createService({ version: '2.0.0' })
    await registerInstance(plain)
    expect(idsOf(expectJsonOk(await find(cart({ tags: 'canary' }))))).toEqual([taggedInstance])
    expect(idsOf(expectJsonOk(await find(cart({ tags: 'canary,zone' }))))).toEqual([taggedInstance])
  })

  it('answers {} when the tags filter leaves no provider', async () => {
    const serviceId = await createService()
    await registerInstance(serviceId)
    expect(expectJsonOk(await find(cart({ tags: 'canary' })))).toEqual({})
  })
})

describe('versions', () => {
  async function threeVersions() {
    const ids: Record<string, string> = {}
    for (const version of ['1.0.0', '1.9.0', '1.10.0']) {
      ids[version] = await registerInstance(await createService({ version }))
    }
    return ids
  }

  it('answers the newest service first', async () => {
    const ids = await threeVersions()
    expect(idsOf(expectJsonOk(await find(cart())))).toEqual([
      ids['1.10.0'],
      ids['1.9.0'],
      ids['1.0.0'],
    ])
  })

  it('applies the version rule in the cse profile: exact, latest, x+ and the half-open a-b', async () => {
    const ids = await threeVersions()
    const expected: Record<string, string[]> = {
      '1.9.0': [ids['1.9.0']!],
      latest: [ids['1.10.0']!],
      '1.9+': [ids['1.10.0']!, ids['1.9.0']!],
      '1.0.0-1.10.0': [ids['1.9.0']!, ids['1.0.0']!],
      '1.10.0-1.0.0': [ids['1.9.0']!, ids['1.0.0']!],
      '2.0+': [],
      '1.9-1.9': [],
    }
    for (const [version, instanceIds] of Object.entries(expected)) {
      expect(idsOf(expectJsonOk(await find(cart({ version })))), version).toEqual(instanceIds)
    }
  })

  it('matches an exact version by its string in the cse profile: 1.0 is not 1.0.0', async () => {
    const short = await registerInstance(await createService({ version: '1.0' }))
    const long = await registerInstance(await createService({ version: '1.0.0' }))
    expect(idsOf(expectJsonOk(await find(cart({ version: '1.0' }))))).toEqual([short])
    expect(idsOf(expectJsonOk(await find(cart({ version: '1.0.0' }))))).toEqual([long])
    expect(idsOf(expectJsonOk(await find(cart({ version: '1.0+' })))).sort()).toEqual(
      [short, long].sort(),
    )
  })

  it('answers 400012 for an exact version that does not exist in the cse profile', async () => {
    await threeVersions()
    expectError(await find(cart({ version: '2.0.0' })), '400012')
  })

  it('requires a well-formed version rule in the cse profile (400001)', async () => {
    await threeVersions()
    for (const version of ['', 'v1', '1.0.0.0.0', '60000+', 'newest']) {
      expectError(await find(cart({ version })), '400001')
    }
    expectError(await find({ appId: 'shop', serviceName: 'cart' }), '400001')
  })

  it('ignores version in the servicecomb profile, even a malformed one', async () => {
    api.mock().setProfile('servicecomb')
    const ids = await threeVersions()
    const all = [ids['1.10.0'], ids['1.9.0'], ids['1.0.0']]
    for (const version of ['1.0.0', 'latest', 'v1', '2.0.0']) {
      expect(idsOf(expectJsonOk(await find(cart({ version })))), version).toEqual(all)
    }
    expect(idsOf(expectJsonOk(await find({ appId: 'shop', serviceName: 'cart' })))).toEqual(all)
  })
})

describe('revision', () => {
  it('answers 304 with the revision when rev is current', async () => {
    await registerInstance(await createService())
    const rev = (await find(cart())).headers.get('X-Resource-Revision')!
    const reply = await find(cart({ rev }))
    expect(reply.status).toBe(304)
    expect(reply.headers.get('X-Resource-Revision')).toBe(rev)
  })

  it('ignores rev when noCache or cacheOnly is present', async () => {
    await registerInstance(await createService())
    const rev = (await find(cart())).headers.get('X-Resource-Revision')!
    expect((await find(cart({ rev, noCache: 'true' }))).status).toBe(200)
    expect((await find(cart({ rev, cacheOnly: '1' }))).status).toBe(200)
  })

  it('changes when an instance is created, updated, deregistered or expires, not on heartbeats', async () => {
    const serviceId = await createService()
    const revision = async () => (await find(cart())).headers.get('X-Resource-Revision')
    const seen = [await revision()]
    const a = await registerInstance(serviceId, {
      healthCheck: { mode: 'push', interval: 30, times: 1 },
    })
    seen.push(await revision())
    const b = await registerInstance(serviceId)
    seen.push(await revision())
    await put(`/microservices/${serviceId}/instances/${a}/status?value=DOWN`)
    seen.push(await revision())
    await put(`/microservices/${serviceId}/instances/${b}/heartbeat`)
    expect(await revision()).toBe(seen.at(-1))
    await put(`/microservices/${serviceId}/instances/${a}/properties`, { properties: { x: 'y' } })
    seen.push(await revision())
    api.mock().advance(60_000)
    seen.push(await revision())
    await del(`/microservices/${serviceId}/instances/${b}`)
    seen.push(await revision())
    expect(new Set(seen).size).toBe(seen.length - 1)
    // No instances at the start and at the end: an empty result has one constant revision.
    expect(seen.at(-1)).toBe(seen[0])
  })
})

describe('consumer', () => {
  it('records the dependency consumer → provider on discovery with X-ConsumerId', async () => {
    const provider = await createService()
    await registerInstance(provider)
    const consumer = await createService({ serviceName: 'web' })
    expect((await find(cart(), consumer)).status).toBe(200)
    expect(await providersOf(consumer)).toEqual([provider])
  })

  it('records the real name when the consumer discovered an alias', async () => {
    const provider = await createService({ serviceName: 'cart-v2', alias: 'cart' })
    const consumer = await createService({ serviceName: 'web' })
    expect((await find(cart(), consumer)).status).toBe(200)
    expect(await providersOf(consumer)).toEqual([provider])
    const consumers = expectJsonOk(
      await get<{ consumers?: MicroService[] }>(`/microservices/${provider}/consumers`),
    )
    expect(consumers.consumers?.map((c) => c.serviceId)).toEqual([consumer])
  })

  it('records no dependency when the tags filter leaves no provider', async () => {
    await registerInstance(await createService())
    const consumer = await createService({ serviceName: 'web' })
    expect(expectJsonOk(await find(cart({ tags: 'canary' }), consumer))).toEqual({})
    expect(await providersOf(consumer)).toEqual([])
  })

  it('answers 400012 for an unknown consumer', async () => {
    await registerInstance(await createService())
    expectError(await find(cart(), 'nobody'), '400012')
  })

  it('hides providers of another app unless they allow cross-app access', async () => {
    const provider = await createService({ appId: 'other' })
    const instanceId = await registerInstance(provider)
    const consumer = await createService({ serviceName: 'web' })
    const query = cart({ appId: 'other' })
    expect(expectJsonOk(await find(query, consumer))).toEqual({})
    expect(await providersOf(consumer)).toEqual([])
    await put(`/microservices/${provider}/properties`, { properties: { allowCrossApp: 'True' } })
    expect(idsOf(expectJsonOk(await find(query, consumer)))).toEqual([instanceId])
    expect(await providersOf(consumer)).toEqual([provider])
  })

  it("uses the consumer's environment, hiding providers of other environments", async () => {
    const prod = await createService({ environment: 'production' })
    await registerInstance(prod)
    const testing = await createService({ environment: 'testing' })
    const testingInstance = await registerInstance(testing)
    const consumer = await createService({ serviceName: 'web', environment: 'testing' })
    const found = await find(cart({ env: 'production' }), consumer)
    expect(idsOf(expectJsonOk(found))).toEqual([testingInstance])
  })

  it('answers 400012 to a consumer when the name exists only in another environment', async () => {
    await registerInstance(await createService({ environment: 'production' }))
    const consumer = await createService({ serviceName: 'web', environment: 'testing' })
    expectError(await find(cart({ env: 'production' }), consumer), '400012')
  })
})

itExercises(api, COVERAGE.discovery)
