import { expect, it } from 'vitest'
import { COVERAGE } from './coverage.ts'
import {
  createService,
  expectError,
  expectJsonOk,
  get,
  itExercises,
  type MicroService,
  post,
  registerInstance,
  type Schemas,
  send,
  useCseMock,
} from './helpers.ts'

const api = useCseMock()

type BatchFindResponse = Schemas['BatchFindResponse']

const batchFind = (body: unknown, options: { consumerId?: string; type?: string } = {}) =>
  post<BatchFindResponse>(`/instances/action?type=${options.type ?? 'query'}`, body, {
    headers: options.consumerId ? { 'X-ConsumerId': options.consumerId } : {},
  })

const byName = (serviceName: string, rev?: string, version = '0+') => ({
  service: { appId: 'shop', serviceName, version },
  ...(rev === undefined ? {} : { rev }),
})

it('answers updated entries with index, rev and instances, and omits the part not asked for', async () => {
  const serviceId = await createService()
  const instanceId = await registerInstance(serviceId)
  const reply = await batchFind({ services: [byName('cart', '0')] })
  const body = expectJsonOk(reply)
  expect(Object.keys(body)).toEqual(['services'])
  expect(body.services?.updated).toEqual([
    {
      index: 0,
      rev: expect.stringMatching(/^[0-9a-f]{40}$/),
      instances: [expect.objectContaining({ instanceId })],
    },
  ])
  expect(body.services).not.toHaveProperty('notModified')
  expect(body.services).not.toHaveProperty('failed')
})

it('uses the same revision as discovery and puts a current rev in notModified', async () => {
  await registerInstance(await createService())
  const found = await get('/instances?appId=shop&serviceName=cart&version=0%2B')
  const rev = found.headers.get('X-Resource-Revision')!
  const body = expectJsonOk(
    await batchFind({ services: [byName('cart', 'stale'), byName('cart', rev)] }),
  )
  expect(body.services?.updated?.map((u) => [u.index, u.rev])).toEqual([[0, rev]])
  expect(body.services?.notModified).toEqual([1])
})

it('groups failed entries by error code', async () => {
  await registerInstance(await createService())
  const body = expectJsonOk(
    await batchFind({
      services: [
        byName('nothing'),
        byName('cart'),
        byName('missing'),
        byName('cart', undefined, '9.9.9'),
      ],
    }),
  )
  expect(body.services?.updated?.map((u) => u.index)).toEqual([1])
  expect(body.services?.failed).toEqual([
    {
      indexes: [0, 2, 3],
      error: expect.objectContaining({
        errorCode: '400012',
        errorMessage: 'Micro-service does not exist',
      }),
    },
  ])
})

it('omits instances of an updated entry whose provider has none, but keeps index and rev', async () => {
  await createService()
  const body = expectJsonOk(await batchFind({ services: [byName('cart')] }))
  expect(body.services?.updated).toEqual([{ index: 0, rev: expect.any(String) }])
})

it('finds instances by serviceId and instanceId, failing unknown ones with 400017', async () => {
  const serviceId = await createService()
  const instanceId = await registerInstance(serviceId)
  const body = expectJsonOk(
    await batchFind({
      instances: [
        { instance: { serviceId, instanceId } },
        { instance: { serviceId, instanceId: 'unknown' } },
        { instance: { serviceId: 'unknown', instanceId } },
      ],
    }),
  )
  expect(Object.keys(body)).toEqual(['instances'])
  const updated = body.instances?.updated
  expect(updated).toEqual([
    { index: 0, rev: expect.any(String), instances: [expect.objectContaining({ instanceId })] },
  ])
  expect(body.instances?.failed).toEqual(
    expect.arrayContaining([
      { indexes: [1], error: expect.objectContaining({ errorCode: '400017' }) },
      { indexes: [2], error: expect.objectContaining({ errorCode: '400012' }) },
    ]),
  )
  const rev = updated?.[0]?.rev
  const again = expectJsonOk(
    await batchFind({ instances: [{ instance: { serviceId, instanceId }, rev }] }),
  )
  expect(again.instances?.notModified).toEqual([0])
})

it('answers both parts when both lists are given', async () => {
  const serviceId = await createService()
  const instanceId = await registerInstance(serviceId)
  const body = expectJsonOk(
    await batchFind({
      services: [byName('cart')],
      instances: [{ instance: { serviceId, instanceId } }],
    }),
  )
  expect(Object.keys(body).sort()).toEqual(['instances', 'services'])
})

it('applies the version rule per entry in the cse profile', async () => {
  await registerInstance(await createService({ version: '1.0.0' }))
  const newest = await registerInstance(await createService({ version: '2.0.0' }))
  const body = expectJsonOk(await batchFind({ services: [byName('cart', undefined, 'latest')] }))
  expect(body.services?.updated?.[0]?.instances?.map((i) => i.instanceId)).toEqual([newest])
})

it('answers 400001 for the whole call when a version rule is malformed or missing in the cse profile', async () => {
  await createService()
  expectError(
    await batchFind({ services: [byName('cart'), byName('cart', undefined, 'v1')] }),
    '400001',
  )
  expectError(
    await batchFind({ services: [{ service: { appId: 'shop', serviceName: 'cart' } }] }),
    '400001',
  )
})

it('ignores version in the servicecomb profile', async () => {
  api.mock().setProfile('servicecomb')
  const a = await registerInstance(await createService({ version: '1.0.0' }))
  const b = await registerInstance(await createService({ version: '2.0.0' }))
  const body = expectJsonOk(
    await batchFind({
      services: [{ service: { appId: 'shop', serviceName: 'cart', version: '1.0.0' } }],
    }),
  )
  expect(body.services?.updated?.[0]?.instances?.map((i) => i.instanceId)).toEqual([b, a])
})

it('does not fall back to aliases, unlike discovery', async () => {
  await registerInstance(await createService({ serviceName: 'cart-v2', alias: 'cart' }))
  const body = expectJsonOk(await batchFind({ services: [byName('cart')] }))
  expect(body.services?.failed?.[0]?.error.errorCode).toBe('400012')
})

it('records the dependency with X-ConsumerId and hides providers of another app', async () => {
  const provider = await createService()
  await registerInstance(provider)
  const stranger = await createService({ appId: 'other', serviceName: 'orders' })
  await registerInstance(stranger)
  const consumer = await createService({ serviceName: 'web' })
  const body = expectJsonOk(
    await batchFind(
      {
        services: [
          byName('cart'),
          { service: { appId: 'other', serviceName: 'orders', version: '0+' } },
        ],
      },
      { consumerId: consumer },
    ),
  )
  expect(body.services?.updated?.map((u) => [u.index, u.instances?.length])).toEqual([
    [0, 1],
    [1, undefined],
  ])
  const providers = expectJsonOk(
    await get<{ providers?: MicroService[] }>(`/microservices/${consumer}/providers`),
  )
  expect(providers.providers?.map((p) => p.serviceId)).toEqual([provider])
})

it('fails every service entry with 400012 for an unknown consumer', async () => {
  await registerInstance(await createService())
  const body = expectJsonOk(
    await batchFind({ services: [byName('cart')] }, { consumerId: 'nobody' }),
  )
  expect(body.services?.failed?.[0]).toMatchObject({ indexes: [0], error: { errorCode: '400012' } })
})

it('answers 400001 when type is not exactly query', async () => {
  expectError(await batchFind({ services: [byName('cart')] }, { type: 'find' }), '400001')
  expectError(await batchFind({ services: [byName('cart')] }, { type: 'QUERY' }), '400001')
  expectError(await post('/instances/action', { services: [byName('cart')] }), '400001')
})

it('answers 400001 "Required services or instances" when both lists are empty', async () => {
  expectError(await batchFind({}), '400001', 'Required services or instances')
  expectError(await batchFind({ services: [], instances: [] }), '400001')
})

it('answers 400001 for malformed entries or bad JSON', async () => {
  expectError(
    await batchFind({ services: [{ service: { serviceName: 'cart', version: '0+' } }] }),
    '400001',
  )
  expectError(
    await batchFind({
      services: [{ service: { appId: 'shop', serviceName: '-x', version: '0+' } }],
    }),
    '400001',
  )
  expectError(await batchFind({ instances: [{ instance: { serviceId: 'a' } }] }), '400001')
  expectError(
    await batchFind({ instances: [{ instance: { serviceId: 'a', instanceId: 'b c' } }] }),
    '400001',
  )
  expectError(await send('POST', '/instances/action?type=query', { body: '{' }), '400001')
  expectError(await batchFind({ services: [byName('cart')] }, { consumerId: 'a b' }), '400001')
})

itExercises(api, COVERAGE['batch-find'])
