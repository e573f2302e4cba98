import { afterAll, beforeAll, expect, it } from 'vitest'
import { killAllCli, type ServingProcess, startServe } from './cli-process.ts'
import { call, createService, registerInstance } from './registry-calls.ts'

// The server runs in its own process; this test process is the second one, steering it only
// through the control API and observing it only as a registry client would.
let server: ServingProcess
const registry = '/v4/default/registry'

beforeAll(async () => {
  server = await startServe(['--clock', 'virtual', '--profile', 'servicecomb', '--quiet'])
})

afterAll(killAllCli)

it('applies a registry error set through the control API and logs the call with the fault', async () => {
  const serviceId = await createService(server.url, {
    appId: 'shop',
    serviceName: 'orders',
    version: '1.0.0',
  })
  await call(server.url, 'POST', '/__cse-mock/faults', {
    id: 'storage-down',
    match: { operationId: 'findInstances', serviceName: 'orders' },
    action: { type: 'error', errorCode: '500011' },
    times: 1,
  })

  const discover = () => fetch(`${server.url}${registry}/instances?appId=shop&serviceName=orders`)
  const failed = await discover()
  expect(failed.status).toBe(500)
  expect(await failed.json()).toMatchObject({
    errorCode: '500011',
    errorMessage: 'Registry service is unavailable',
  })
  expect((await discover()).status).toBe(200) // `times: 1` retired the fault

  const { requests } = (await call(
    server.url,
    'GET',
    '/__cse-mock/requests?operationId=findInstances',
  )) as { requests: { status: number; faults?: string[] }[] }
  expect(requests.map(({ status, faults }) => ({ status, faults }))).toEqual([
    { status: 500, faults: ['storage-down'] },
    { status: 200, faults: undefined },
  ])
  expect(serviceId).toMatch(/^[0-9a-f]{40}$/)
})

it('drops the connection on a network fault', async () => {
  await call(server.url, 'POST', '/__cse-mock/faults', {
    match: { operationId: 'getVersion' },
    action: { type: 'network' },
    times: 1,
  })
  await expect(fetch(`${server.url}${registry}/version`)).rejects.toThrow()
  expect((await fetch(`${server.url}${registry}/version`)).status).toBe(200)
})

it('lets instances expire when heartbeats are acknowledged but not applied', async () => {
  const serviceId = await createService(server.url, {
    appId: 'shop',
    serviceName: 'billing',
    version: '1.0.0',
  })
  const instanceId = await registerInstance(server.url, serviceId, 'billing-1')
  await call(server.url, 'POST', '/__cse-mock/faults', {
    match: { operationId: 'heartbeat' },
    action: { type: 'drop-heartbeats' },
  })
  const beat = `${registry}/microservices/${serviceId}/instances/${instanceId}/heartbeat`
  for (let second = 0; second < 150; second += 30) {
    expect((await fetch(`${server.url}${beat}`, { method: 'PUT' })).status).toBe(200)
    await call(server.url, 'POST', '/__cse-mock/clock/advance', { ms: 30_000 })
  }
  const listed = await fetch(`${server.url}${registry}/microservices/${serviceId}/instances`)
  expect(await listed.json()).toEqual({})
})
