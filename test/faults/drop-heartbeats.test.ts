import { describe, expect, it } from 'vitest'
import { call, createService, registerInstance, serveMock } from './support.ts'

const { mock } = serveMock({ clock: 'virtual' })

/** Sends a heartbeat every 30 s for `rounds` rounds, returning the statuses it got. */
async function keepBeating(serviceId: string, instanceId: string, rounds: number) {
  const statuses: number[] = []
  for (let round = 0; round < rounds; round++) {
    const response = await call(
      'PUT',
      `/microservices/${serviceId}/instances/${instanceId}/heartbeat`,
    )
    statuses.push(response.status)
    mock().advance(30_000)
  }
  return statuses
}

async function instanceStatus(serviceId: string, instanceId: string) {
  const response = await call('GET', `/microservices/${serviceId}/instances/${instanceId}`)
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

describe('drop-heartbeats', () => {
  it('keeps an instance alive without the fault (the control case)', async () => {
    const serviceId = await createService('orders')
    const instanceId = await registerInstance(serviceId)
    expect(await keepBeating(serviceId, instanceId, 6)).toEqual([200, 200, 200, 200, 200, 200])
    expect((await instanceStatus(serviceId, instanceId)).status).toBe(200)
  })

  it('answers 200 to every heartbeat yet lets the instance expire', async () => {
    const serviceId = await createService('orders')
    const instanceId = await registerInstance(serviceId)
    const fault = mock().faults.add({ action: { type: 'drop-heartbeats' } })
    // 6 rounds of 30 s = 180 s, past the 120 s lease.
    expect(await keepBeating(serviceId, instanceId, 6)).toEqual([200, 200, 200, 200, 200, 200])
    const { status, body } = await instanceStatus(serviceId, instanceId)
    expect(status).toBe(400)
    expect(body.errorCode).toBe('400017')
    const heartbeats = mock().requests.list({ operationId: 'heartbeat' })
    expect(heartbeats.every((entry) => entry.faults?.includes(fault.id))).toBe(true)
  })

  it('lets every other operation through', async () => {
    const serviceId = await createService('orders')
    const instanceId = await registerInstance(serviceId)
    mock().faults.add({ action: { type: 'drop-heartbeats' } })
    const { status } = await instanceStatus(serviceId, instanceId)
    expect(status).toBe(200)
    const [entry] = mock().requests.list({ operationId: 'getInstance' })
    expect(entry?.faults).toBeUndefined()
    expect(mock().faults.list()[0]?.hits).toBe(0)
  })

  it('answers a batch heartbeat with an empty 200 in the cse profile', async () => {
    const serviceId = await createService('orders')
    const instanceId = await registerInstance(serviceId)
    mock().faults.add({ action: { type: 'drop-heartbeats' } })
    const response = await call('PUT', '/heartbeats', { instances: [{ serviceId, instanceId }] })
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('')
    mock().advance(121_000)
    expect((await instanceStatus(serviceId, instanceId)).status).toBe(400)
  })

  it('answers a batch heartbeat with the per-instance list in the servicecomb profile', async () => {
    mock().setProfile('servicecomb')
    const serviceId = await createService('orders')
    const instanceId = await registerInstance(serviceId)
    mock().faults.add({ match: { operationId: 'heartbeats' }, action: { type: 'drop-heartbeats' } })
    const pair = { serviceId, instanceId }
    const response = await call('PUT', '/heartbeats', { instances: [pair, pair] })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ instances: [pair] })
    mock().advance(121_000)
    expect((await instanceStatus(serviceId, instanceId)).status).toBe(400)
  })
})
