import { describe, expect, it } from 'vitest'
import {
  createService,
  del,
  expectJsonOk,
  get,
  type MicroServiceInstance,
  put,
  registerInstance,
  useCseMock,
} from './helpers.ts'

useCseMock()

type Found = { instances?: MicroServiceInstance[] }

const QUERY = '/instances?appId=shop&serviceName=cart&version=latest'

const find = (headers: Record<string, string> = {}) => get<Found>(QUERY, { headers })

const idsOf = async (headers?: Record<string, string>) =>
  (expectJsonOk(await find(headers)).instances ?? []).map((i) => i.instanceId).sort()

describe('repeated discoveries (answered from the last rendering while unchanged)', () => {
  it('show instances registered since the previous discovery', async () => {
    const serviceId = await createService()
    const first = await registerInstance(serviceId)
    expect(await idsOf()).toEqual([first])
    expect(await idsOf()).toEqual([first])
    const second = await registerInstance(serviceId)
    expect(await idsOf()).toEqual([first, second].sort())
  })

  it('show a changed status and drop a deregistered instance', async () => {
    const serviceId = await createService()
    const kept = await registerInstance(serviceId)
    const gone = await registerInstance(serviceId)
    await find()
    await put(`/microservices/${serviceId}/instances/${kept}/status?value=DOWN`)
    await del(`/microservices/${serviceId}/instances/${gone}`)
    const found = expectJsonOk(await find())
    expect(found.instances?.map((i) => [i.instanceId, i.status])).toEqual([[kept, 'DOWN']])
  })

  it('keep tenants apart', async () => {
    const other = { 'X-Domain-Name': 'other' }
    const mine = await registerInstance(await createService())
    const theirs = await registerInstance(
      await createService({}, { headers: other }),
      {},
      {
        headers: other,
      },
    )
    expect(await idsOf()).toEqual([mine])
    expect(await idsOf(other)).toEqual([theirs])
    expect(await idsOf()).toEqual([mine])
  })

  it('send the same body and revision as the first answer, and 304 to a current rev', async () => {
    await registerInstance(await createService())
    const first = await find()
    const second = await find()
    expect(second.text).toBe(first.text)
    const revision = second.headers.get('X-Resource-Revision')
    expect(revision).toBe(first.headers.get('X-Resource-Revision'))
    const notModified = await get(`${QUERY}&rev=${revision}`)
    expect(notModified.status).toBe(304)
  })
})
