import { describe, expect, it } from 'vitest'
import { InvalidFaultRuleError } from '../../src/faults/errors.ts'
import {
  call,
  createService,
  getVersion,
  REGISTRY,
  registerInstance,
  serveMock,
} from './support.ts'

const { mock } = serveMock()
const unavailable = { type: 'status', status: 503 } as const

describe('matching', () => {
  it('matches by operationId, one or several', async () => {
    mock().faults.add({ match: { operationId: ['getHealth', 'getVersion'] }, action: unavailable })
    expect((await getVersion()).status).toBe(503)
    expect((await call('GET', '/health')).status).toBe(503)
    expect((await call('GET', '/microservices')).status).toBe(200)
  })

  it('matches by method and path substring', async () => {
    const serviceId = await createService('orders')
    const instanceId = await registerInstance(serviceId)
    mock().faults.add({ match: { method: 'put', path: '/heartbeat' }, action: unavailable })
    const path = `/microservices/${serviceId}/instances/${instanceId}/heartbeat`
    expect((await call('PUT', path)).status).toBe(503)
    expect((await call('GET', path)).status).toBe(400) // the websocket endpoint, not matched
    expect(
      (await call('PUT', '/heartbeats', { instances: [{ serviceId, instanceId }] })).status,
    ).toBe(503)
  })

  it('matches by a regular expression on the path', async () => {
    const serviceId = await createService('orders')
    mock().faults.add({
      match: { path: '^/v4/[^/]+/registry/microservices/[^/]+$' },
      action: unavailable,
    })
    expect((await call('GET', `/microservices/${serviceId}`)).status).toBe(503)
    expect((await call('GET', `/microservices/${serviceId}/instances`)).status).toBe(200)
    expect((await call('GET', '/microservices')).status).toBe(200)
  })

  it('treats a path that is not a valid expression as a plain substring', async () => {
    mock().faults.add({ match: { path: 'registry/version(' }, action: unavailable })
    expect((await getVersion()).status).toBe(200)
    mock().faults.clear()
    mock().faults.add({ match: { path: 'registry/vers' }, action: unavailable })
    expect((await getVersion()).status).toBe(503)
  })

  it('matches by the service name behind the serviceId in the path', async () => {
    const orders = await createService('orders')
    const payments = await createService('payments')
    mock().faults.add({ match: { serviceName: 'orders' }, action: unavailable })
    expect((await call('GET', `/microservices/${orders}`)).status).toBe(503)
    expect((await call('GET', `/microservices/${orders}/instances`)).status).toBe(503)
    expect((await call('GET', `/microservices/${payments}`)).status).toBe(200)
    // An unknown id has no name: the registry answers as usual.
    expect((await call('GET', '/microservices/no-such-id')).status).toBe(400)
  })

  it('matches discovery by its serviceName query parameter', async () => {
    await createService('orders')
    mock().faults.add({ match: { serviceName: 'orders' }, action: unavailable })
    const find = (name: string) =>
      fetch(`${REGISTRY}/instances?appId=shop&serviceName=${name}&version=1.0.0`)
    expect((await find('orders')).status).toBe(503)
    expect((await find('payments')).status).toBe(400)
  })

  it('requires every given field to match', async () => {
    const orders = await createService('orders')
    mock().faults.add({ match: { serviceName: 'orders', method: 'DELETE' }, action: unavailable })
    expect((await call('GET', `/microservices/${orders}`)).status).toBe(200)
    expect((await call('DELETE', `/microservices/${orders}`)).status).toBe(503)
  })
})

describe('rule validation', () => {
  const invalid: [string, unknown][] = [
    ['no action', {}],
    ['an unknown action', { action: { type: 'explode' } }],
    ['a status that is neither 429 nor 5xx', { action: { type: 'status', status: 404 } }],
    ['a malformed error code', { action: { type: 'error', errorCode: '12' } }],
    ['a latency without duration', { action: { type: 'latency' } }],
    ['min above max', { action: { type: 'latency', min: 10, max: 5 } }],
    ['an unknown operationId', { match: { operationId: 'getVersions' }, action: unavailable }],
    ['a probability above 1', { action: unavailable, probability: 1.5 }],
    ['times of 0', { action: unavailable, times: 0 }],
    ['an unknown field', { action: unavailable, matches: {} }],
  ]
  it.each(invalid)('rejects %s with InvalidFaultRuleError', (_, rule) => {
    expect(() => mock().faults.add(rule as never)).toThrow(InvalidFaultRuleError)
    expect(mock().faults.list()).toEqual([])
  })

  it('rejects an id already in use, and frees it on remove', () => {
    mock().faults.add({ id: 'slow', action: { type: 'latency', ms: 1 } })
    expect(() => mock().faults.add({ id: 'slow', action: unavailable })).toThrow(/already used/)
    expect(mock().faults.remove('slow')).toBe(true)
    expect(mock().faults.remove('slow')).toBe(false)
    expect(mock().faults.add({ id: 'slow', action: unavailable }).id).toBe('slow')
  })

  it('says what failed and what to do', () => {
    expect(() => mock().faults.add({ action: { type: 'status', status: 404 } })).toThrow(
      /^Failed to add the fault: action.status is 404: must be 429 or must be at least 500\. Fix the rule and add it again\.$/,
    )
  })
})
