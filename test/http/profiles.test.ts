import { describe, expect, it } from 'vitest'
import {
  PROFILE_DIFFERENCES,
  PROFILE_RULES,
  type Profile,
  type ProfileDifference,
} from '../../src/registry/index.ts'
import { COVERAGE } from './coverage.ts'
import {
  createService,
  del,
  expectEmptyOk,
  expectError,
  expectJsonOk,
  get,
  itExercises,
  type MicroService,
  type MicroServiceInstance,
  post,
  put,
  readInstance,
  readService,
  registerInstance,
  useCseMock,
} from './helpers.ts'

const api = useCseMock()

const PROFILES: readonly Profile[] = ['cse', 'servicecomb']

type Check = () => Promise<void>

/** `'todo'` marks a difference the wire cannot show yet, with the reason next to it. */
type Checks = { [K in ProfileDifference['key']]: Record<Profile, Check> | 'todo' }

const find = (query: Record<string, string>, consumerId?: string) =>
  get<{ instances?: MicroServiceInstance[] }>(`/instances?${new URLSearchParams(query)}`, {
    headers: consumerId ? { 'X-ConsumerId': consumerId } : {},
  })

const isAlive = async (serviceId: string, instanceId: string) =>
  (await get(`/microservices/${serviceId}/instances/${instanceId}`)).status === 200

/** One check per difference and profile; a difference added to the profiles without one fails. */
const CHECKS: Checks = {
  reRegisterLiveInstance: {
    cse: async () => {
      const serviceId = await createService()
      await registerInstance(serviceId, { instanceId: 'node-a', hostName: 'old' })
      await registerInstance(serviceId, { instanceId: 'node-a', hostName: 'new' })
      expect((await readInstance(serviceId, 'node-a')).hostName).toBe('new')
    },
    servicecomb: async () => {
      const serviceId = await createService()
      await registerInstance(serviceId, { instanceId: 'node-a', hostName: 'old' })
      api.mock().advance(100_000)
      await registerInstance(serviceId, { instanceId: 'node-a', hostName: 'new' })
      expect((await readInstance(serviceId, 'node-a')).hostName).toBe('old')
      api.mock().advance(100_000)
      expect(await isAlive(serviceId, 'node-a')).toBe(true)
    },
  },
  duplicateEndpoints: {
    cse: async () => {
      const serviceId = await createService()
      const other = await createService({ serviceName: 'orders' })
      const instance = { hostName: 'node-1', endpoints: ['rest://10.0.0.1:8080'] }
      const path = `/microservices/${serviceId}/instances`
      const first = expectJsonOk(await post<{ instanceId: string }>(path, { instance }))
      expect(expectJsonOk(await post(path, { instance }))).toEqual(first)
      expectError(await post(`/microservices/${other}/instances`, { instance }), '400025')
    },
    servicecomb: async () => {
      const serviceId = await createService()
      const other = await createService({ serviceName: 'orders' })
      const instance = { hostName: 'node-1', endpoints: ['rest://10.0.0.1:8080'] }
      const path = `/microservices/${serviceId}/instances`
      const first = expectJsonOk(await post<{ instanceId: string }>(path, { instance }))
      expect(expectJsonOk(await post(path, { instance }))).not.toEqual(first)
      expect((await post(`/microservices/${other}/instances`, { instance })).status).toBe(200)
    },
  },
  versionRules: {
    cse: async () => {
      await registerInstance(await createService({ version: '1.0.0' }))
      const newest = await registerInstance(await createService({ version: '2.0.0' }))
      const latest = expectJsonOk(
        await find({ appId: 'shop', serviceName: 'cart', version: 'latest' }),
      )
      expect(latest.instances?.map((i) => i.instanceId)).toEqual([newest])
      expectError(await find({ appId: 'shop', serviceName: 'cart' }), '400001')
      expectError(await find({ appId: 'shop', serviceName: 'cart', version: '3.0.0' }), '400012')
      const query = { type: 'microservice', appId: 'shop', serviceName: 'cart', version: '1.0+' }
      expect((await get(`/existence?${new URLSearchParams(query)}`)).status).toBe(200)
    },
    servicecomb: async () => {
      await registerInstance(await createService({ version: '1.0.0' }))
      await registerInstance(await createService({ version: '2.0.0' }))
      const all = expectJsonOk(await find({ appId: 'shop', serviceName: 'cart', version: '3.0.0' }))
      expect(all.instances).toHaveLength(2)
      const query = { type: 'microservice', appId: 'shop', serviceName: 'cart', version: '1.0+' }
      expectError(await get(`/existence?${new URLSearchParams(query)}`), '400001')
    },
  },
  dependencyVersion: {
    cse: async () => {
      const v1 = await createService({ version: '1.0.0' })
      await createService({ version: '2.0.0' })
      const consumer = await createService({ serviceName: 'web' })
      await find({ appId: 'shop', serviceName: 'cart', version: '1.0.0' }, consumer)
      const reply = await get<{ providers?: MicroService[] }>(
        `/microservices/${consumer}/providers`,
      )
      expect(expectJsonOk(reply).providers?.map((p) => p.serviceId)).toEqual([v1])
    },
    servicecomb: async () => {
      await createService({ version: '1.0.0' })
      await createService({ version: '2.0.0' })
      const consumer = await createService({ serviceName: 'web' })
      await find({ appId: 'shop', serviceName: 'cart', version: '1.0.0' }, consumer)
      const reply = await get<{ providers?: MicroService[] }>(
        `/microservices/${consumer}/providers`,
      )
      expect(expectJsonOk(reply).providers).toHaveLength(2)
    },
  },
  heartbeatMinimum: {
    cse: async () => {
      const serviceId = await createService()
      const healthCheck = { mode: 'push', interval: 2, times: 1 } as const
      const instanceId = await registerInstance(serviceId, { healthCheck })
      expect((await readInstance(serviceId, instanceId)).healthCheck).toEqual(healthCheck)
      api.mock().advance(3_999)
      expect(await isAlive(serviceId, instanceId)).toBe(true)
      api.mock().advance(1)
      expect(await isAlive(serviceId, instanceId)).toBe(false)
    },
    servicecomb: async () => {
      const serviceId = await createService()
      const healthCheck = { mode: 'push', interval: 2, times: 1 } as const
      const instanceId = await registerInstance(serviceId, { healthCheck })
      expect((await readInstance(serviceId, instanceId)).healthCheck).toEqual({
        mode: 'push',
        interval: 5,
        times: 3,
      })
      api.mock().advance(19_999)
      expect(await isAlive(serviceId, instanceId)).toBe(true)
      api.mock().advance(1)
      expect(await isAlive(serviceId, instanceId)).toBe(false)
    },
  },
  restrictSchemaEdits: {
    cse: async () => {
      const serviceId = await createService({ environment: 'production', schemas: ['hello'] })
      const path = `/microservices/${serviceId}/schemas`
      expectError(await put(`${path}/other`, { schema: 'x', summary: 'a' }), '400014')
      expectEmptyOk(await put(`${path}/hello`, { schema: 'x', summary: 'a' }))
      expectError(await put(`${path}/hello`, { schema: 'y', summary: 'b' }), '400015')
    },
    servicecomb: async () => {
      const serviceId = await createService({ environment: 'production', schemas: ['hello'] })
      const path = `/microservices/${serviceId}/schemas`
      expectEmptyOk(await put(`${path}/other`, { schema: 'x', summary: 'a' }))
      expectEmptyOk(await put(`${path}/other`, { schema: 'y', summary: 'b' }))
    },
  },
  batchHeartbeatResponse: {
    cse: async () => {
      const serviceId = await createService()
      const instanceId = await registerInstance(serviceId)
      expectEmptyOk(await put('/heartbeats', { instances: [{ serviceId, instanceId }] }))
      const reply = await put('/heartbeats', { instances: [{ serviceId, instanceId: 'gone' }] })
      expectError(reply, '400017')
    },
    servicecomb: async () => {
      const serviceId = await createService()
      const instanceId = await registerInstance(serviceId)
      const reply = await put<{ instances: { errMessage?: string }[] }>('/heartbeats', {
        instances: [
          { serviceId, instanceId },
          { serviceId, instanceId: 'gone' },
        ],
      })
      const { instances } = expectJsonOk(reply)
      expect(instances.map((i) => Boolean(i.errMessage)).sort()).toEqual([false, true])
    },
  },
  batchDeleteResponse: {
    cse: async () => {
      const a = await createService()
      expectEmptyOk(await del('/microservices', { serviceIds: [a] }))
      expectError(await del('/microservices', { serviceIds: ['gone'] }), '400001')
    },
    servicecomb: async () => {
      const a = await createService()
      const reply = await del<{ services: { serviceId: string; errMessage?: string }[] }>(
        '/microservices',
        { serviceIds: [a, 'gone'] },
      )
      const { services } = expectJsonOk(reply)
      expect(services.find((s) => s.serviceId === a)).toEqual({ serviceId: a })
      expect(services.find((s) => s.serviceId === 'gone')?.errMessage).toBeTruthy()
    },
  },
  defaultEnvironment: {
    cse: async () => {
      const serviceId = await createService()
      expect((await readService(serviceId)).environment).toBe('development')
      await registerInstance(serviceId)
      const query = { appId: 'shop', serviceName: 'cart', version: '0+' }
      expect(expectJsonOk(await find(query)).instances).toHaveLength(1)
    },
    servicecomb: async () => {
      const serviceId = await createService()
      expect(await readService(serviceId)).not.toHaveProperty('environment')
      await registerInstance(serviceId)
      expect(
        expectJsonOk(await find({ appId: 'shop', serviceName: 'cart' })).instances,
      ).toHaveLength(1)
      expectError(await find({ appId: 'shop', serviceName: 'cart', env: 'development' }), '400012')
    },
  },
  endpointsRequired: {
    cse: async () => {
      const serviceId = await createService()
      const path = `/microservices/${serviceId}/instances`
      expectError(await post(path, { instance: { hostName: 'node-1' } }), '400001')
      expectError(await post(path, { instance: { hostName: 'node-1', endpoints: [] } }), '400001')
    },
    servicecomb: async () => {
      const serviceId = await createService()
      const path = `/microservices/${serviceId}/instances`
      expect((await post(path, { instance: { hostName: 'node-1' } })).status).toBe(200)
      expect((await post(path, { instance: { hostName: 'node-2', endpoints: [] } })).status).toBe(
        200,
      )
    },
  },
  // Nothing in the mock answers "storage unavailable" by itself: the rule is only declared, and
  // a fault injecting that error has to name the code. Left open until a fault uses the rule.
  backendUnavailableCode: 'todo',
  tokenWithoutAccounts: {
    cse: async () => {
      const reply = await post<{ token: string }>('/v4/token', { name: 'a', password: 'b' })
      expect(expectJsonOk(reply).token).toMatch(/^ey/)
    },
    servicecomb: async () => {
      const reply = await post('/v4/token', { name: 'a', password: 'b' })
      expect(reply.status).toBe(404)
      expect(reply.text).toBe('404 page not found\n')
      expect(reply.headers.get('x-content-type-options')).toBe('nosniff')
      // No body at all is the same 404: the route is not there to read one.
      expect((await post('/v4/token')).status).toBe(404)
    },
  },
}

describe.each(PROFILES)('the %s profile', (profile) => {
  for (const difference of PROFILE_DIFFERENCES) {
    const check = CHECKS[difference.key as keyof Checks]
    const name = `${difference.topic}: ${difference[profile]}`
    if (check === 'todo') {
      it.todo(name)
      continue
    }
    it(name, async () => {
      expect(check, `a check for "${difference.key}"`).toBeDefined()
      api.mock().setProfile(profile)
      await check[profile]()
    })
  }
})

it('describes every rule of the profiles as a difference, once', () => {
  const keys = PROFILE_DIFFERENCES.map((difference) => difference.key)
  expect(new Set(keys).size).toBe(keys.length)
  expect([...keys].sort()).toEqual(Object.keys(PROFILE_RULES.cse).sort())
  expect(Object.keys(CHECKS).sort()).toEqual([...keys].sort())
})

it('starts in the cse profile and goes back to it on reset', async () => {
  expect(api.mock().registry.profile).toBe('cse')
  api.mock().setProfile('servicecomb')
  await api.mock().reset()
  expect(api.mock().registry.profile).toBe('cse')
})

it('keeps stored data when the profile is switched', async () => {
  const serviceId = await createService()
  api.mock().setProfile('servicecomb')
  expect((await readService(serviceId)).environment).toBe('development')
})

itExercises(api, COVERAGE.profiles)
