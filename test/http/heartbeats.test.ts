import { beforeEach, describe, expect, it } from 'vitest'
import { COVERAGE } from './coverage.ts'
import {
  createService,
  expectEmptyOk,
  expectError,
  expectJsonOk,
  filler,
  get,
  itExercises,
  put,
  readInstance,
  registerInstance,
  send,
  useCseMock,
} from './helpers.ts'

const api = useCseMock()

const beat = (serviceId: string, instanceId: string) =>
  put(`/microservices/${serviceId}/instances/${instanceId}/heartbeat`)

type HbResult = { serviceId: string; instanceId: string; errMessage?: string }
const beatAll = (instances: unknown, key = 'instances') =>
  put<{ instances?: HbResult[] }>('/heartbeats', { [key]: instances })

const revisionOf = async (serviceId: string) =>
  (await get(`/microservices/${serviceId}/instances`)).headers.get('X-Resource-Revision')

const isAlive = async (serviceId: string, instanceId: string) =>
  (await get(`/microservices/${serviceId}/instances/${instanceId}`)).status === 200

describe.each(['cse', 'servicecomb'] as const)('single heartbeat in the %s profile', (profile) => {
  beforeEach(() => api.mock().setProfile(profile))

  it('answers an empty 200 and renews the lease to its full TTL', async () => {
    const serviceId = await createService()
    const instanceId = await registerInstance(serviceId)
    api.mock().advance(100_000)
    expectEmptyOk(await beat(serviceId, instanceId))
    api.mock().advance(119_000)
    expect(await isAlive(serviceId, instanceId)).toBe(true)
    api.mock().advance(1_000)
    expect(await isAlive(serviceId, instanceId)).toBe(false)
  })

  it('a heartbeat does not change the revision', async () => {
    const serviceId = await createService()
    const instanceId = await registerInstance(serviceId)
    const before = await revisionOf(serviceId)
    api.mock().advance(10_000)
    expectEmptyOk(await beat(serviceId, instanceId))
    expect(await revisionOf(serviceId)).toBe(before)
  })

  it('a heartbeat does not change modTimestamp or the body', async () => {
    const serviceId = await createService()
    const instanceId = await registerInstance(serviceId)
    const before = await readInstance(serviceId, instanceId)
    api.mock().advance(10_000)
    await beat(serviceId, instanceId)
    expect(await readInstance(serviceId, instanceId)).toEqual(before)
  })
})

describe('single heartbeat', () => {
  it('answers 400017 for an unknown or expired instance, or one under another serviceId', async () => {
    const serviceId = await createService()
    const other = await createService({ serviceName: 'orders' })
    const instanceId = await registerInstance(serviceId)
    expectError(await beat(serviceId, 'unknown'), '400017')
    expectError(await beat(other, instanceId), '400017')
    expectError(await beat('unknown', instanceId), '400017')
    api.mock().advance(120_000)
    expectError(await beat(serviceId, instanceId), '400017')
  })

  it('answers 400001 for a malformed serviceId or instanceId', async () => {
    expectError(await beat('a%20b', 'x'), '400001')
    expectError(await beat('a', 'b%2Fc'), '400001')
    expectError(await beat('a', filler(65)), '400001')
  })

  it('answers a plain GET on the heartbeat websocket with 400: it is not an upgrade', async () => {
    const serviceId = await createService()
    const instanceId = await registerInstance(serviceId)
    const reply = await get(`/microservices/${serviceId}/instances/${instanceId}/heartbeat`)
    expect({ status: reply.status, text: reply.text }).toEqual({
      status: 400,
      text: 'Bad Request\n',
    })
    expect(reply.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(await isAlive(serviceId, instanceId)).toBe(true)
  })
})

describe('batch heartbeat', () => {
  it('renews every listed instance and answers an empty 200 in the cse profile', async () => {
    const serviceId = await createService()
    const a = await registerInstance(serviceId)
    const b = await registerInstance(serviceId)
    api.mock().advance(100_000)
    expectEmptyOk(
      await beatAll([
        { serviceId, instanceId: a },
        { serviceId, instanceId: b },
      ]),
    )
    api.mock().advance(119_000)
    expect(await isAlive(serviceId, a)).toBe(true)
    expect(await isAlive(serviceId, b)).toBe(true)
  })

  it('answers 400017 when one instance fails in the cse profile', async () => {
    const serviceId = await createService()
    const a = await registerInstance(serviceId)
    const reply = await beatAll([
      { serviceId, instanceId: a },
      { serviceId, instanceId: 'unknown' },
    ])
    expectError(reply, '400017')
  })

  it('lists every instance with errMessage on failures in the servicecomb profile', async () => {
    api.mock().setProfile('servicecomb')
    const serviceId = await createService()
    const a = await registerInstance(serviceId)
    const reply = await beatAll([
      { serviceId, instanceId: a },
      { serviceId, instanceId: 'unknown' },
      { serviceId, instanceId: a },
    ])
    const { instances } = expectJsonOk(reply)
    expect(instances).toHaveLength(2)
    expect(instances).toContainEqual({ serviceId, instanceId: a })
    const failed = instances?.find((i) => i.instanceId === 'unknown')
    expect(failed?.errMessage).toMatch(/^Instance does not exist/)
  })

  it('answers a list even when all succeed in the servicecomb profile', async () => {
    api.mock().setProfile('servicecomb')
    const serviceId = await createService()
    const a = await registerInstance(serviceId)
    expect(expectJsonOk(await beatAll([{ serviceId, instanceId: a }]))).toEqual({
      instances: [{ serviceId, instanceId: a }],
    })
  })

  it('a batch heartbeat does not change the revision', async () => {
    for (const profile of ['cse', 'servicecomb'] as const) {
      api.mock().setProfile(profile)
      const serviceId = await createService({ serviceName: `cart-${profile}` })
      const instanceId = await registerInstance(serviceId)
      const before = await revisionOf(serviceId)
      api.mock().advance(1_000)
      expect((await beatAll([{ serviceId, instanceId }])).status).toBe(200)
      expect(await revisionOf(serviceId), profile).toBe(before)
    }
  })

  it('reads the key Instances as instances: body field names are matched case-insensitively', async () => {
    const serviceId = await createService()
    const instanceId = await registerInstance(serviceId)
    api.mock().advance(100_000)
    expectEmptyOk(await beatAll([{ ServiceId: serviceId, InstanceID: instanceId }], 'Instances'))
    api.mock().advance(119_000)
    expect(await isAlive(serviceId, instanceId)).toBe(true)
  })

  it('answers 400001 for an empty or missing list, malformed pairs or bad JSON', async () => {
    for (const profile of ['cse', 'servicecomb'] as const) {
      api.mock().setProfile(profile)
      expectError(await beatAll([]), '400001')
      expectError(await put('/heartbeats', {}), '400001')
      expectError(await beatAll([{ serviceId: 'a' }]), '400001')
      expectError(await beatAll([{ serviceId: 'a b', instanceId: 'x' }]), '400001')
      expectError(await send('PUT', '/v4/default/registry/heartbeats', { body: '{' }), '400001')
    }
  })
})

itExercises(api, COVERAGE.heartbeats)
