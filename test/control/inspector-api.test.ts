import { describe, expect, it } from 'vitest'
import type { RequestDetail } from '../../src/control/index.ts'
import type { RegistryInspection } from '../../src/registry/index.ts'
import { call, createService, serveMock } from '../faults/support.ts'
import { control, expectControlError, expectSpecResponse } from './control-spec.ts'

// 80 characters of each body, so the test can see a long one cut.
const { mock } = serveMock({ clock: 'virtual', captureBodies: 80 })

async function register(serviceId: string, hostName: string): Promise<string> {
  const response = await call('POST', `/microservices/${serviceId}/instances`, {
    instance: { hostName, endpoints: ['rest://10.0.0.1:8080'], properties: { zone: 'a' } },
  })
  return ((await response.json()) as { instanceId: string }).instanceId
}

describe('GET /__cse-mock/registry', () => {
  it('lists tenants, services and instances with the lease deadline on the registry clock', async () => {
    const serviceId = await createService('orders')
    const instanceId = await register(serviceId, 'orders-1')
    await call('POST', `/microservices/${serviceId}/tags`, { tags: { canary: 'true' } })
    const response = await control('GET', '/registry')
    const view = (await expectSpecResponse(
      response,
      'GET',
      '/__cse-mock/registry',
    )) as RegistryInspection
    expect(view.now).toBe(mock().clock.now())
    const [tenant] = view.tenants
    expect(tenant).toMatchObject({ domain: 'default', project: 'default', dependencies: [] })
    expect(tenant?.services).toEqual([
      {
        service: expect.objectContaining({ serviceId, serviceName: 'orders' }),
        tags: { canary: 'true' },
        schemas: [],
        instances: [
          expect.objectContaining({
            instanceId,
            hostName: 'orders-1',
            properties: { zone: 'a' },
            leaseExpiresAt: view.now + 120_000,
          }),
        ],
      },
    ])
  })
})

describe('GET /__cse-mock/requests/{seq}', () => {
  it('answers an entry with its captured headers and bodies, a long body cut', async () => {
    await createService('a-service-with-a-rather-long-name-so-the-body-passes-eighty-chars')
    const [entry] = mock().requests.list({ operationId: 'createService' })
    const response = await control('GET', `/requests/${entry?.seq}`)
    const detail = (await expectSpecResponse(
      response,
      'GET',
      '/__cse-mock/requests/{seq}',
    )) as RequestDetail
    expect(detail).toMatchObject({ ...entry, tenant: 'default/default' })
    expect(detail.exchange?.request.headers['content-type']).toBe('application/json')
    const request = detail.exchange?.request
    expect(request?.body).toHaveLength(80)
    expect(request?.truncated).toBeGreaterThan(80)
    expect(detail.exchange?.response).toEqual({
      headers: expect.objectContaining({ 'content-type': 'application/json; charset=UTF-8' }),
      body: expect.stringMatching(/^\{"serviceId":"[0-9a-f]{40}"\}$/),
    })
  })

  it('answers 404 REQUEST_NOT_FOUND for an entry the log does not hold, 400 for a bad number', async () => {
    await expectControlError(
      await control('GET', '/requests/999999'),
      'GET',
      '/__cse-mock/requests/{seq}',
      'REQUEST_NOT_FOUND',
    )
    await expectControlError(
      await control('GET', '/requests/first'),
      'GET',
      '/__cse-mock/requests/{seq}',
      'INVALID_QUERY',
    )
  })
})

describe('GET /__cse-mock/ui', () => {
  it('answers 404 INSPECTOR_NOT_SERVED where no page is served (in-process mocks)', async () => {
    await expectControlError(
      await control('GET', '/ui'),
      'GET',
      '/__cse-mock/ui',
      'INSPECTOR_NOT_SERVED',
    )
  })
})
