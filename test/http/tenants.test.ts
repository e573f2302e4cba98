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
  type MicroServiceInstance,
  post,
  put,
  registerInstance,
  useCseMock,
} from './helpers.ts'

const api = useCseMock()

const acme = { headers: { 'X-Domain-Name': 'acme' } }
const findCart = '/instances?appId=shop&serviceName=cart&version=0%2B'

const servicesOf = async (path: string, options?: { headers: Record<string, string> }) => {
  const reply = await get<{ services?: MicroService[] }>(path, options)
  return (expectJsonOk(reply).services ?? []).map((s) => s.serviceId)
}

describe('domains', () => {
  it('X-Domain-Name partitions the registry', async () => {
    const mine = await createService({}, acme)
    expect(await servicesOf('/microservices', acme)).toEqual([mine])
    expect(await servicesOf('/microservices')).toEqual([])
    expectError(await get(`/microservices/${mine}`), '400012')
    expect((await get(`/microservices/${mine}`, acme)).status).toBe(200)
  })

  it('uses the domain default without X-Domain-Name', async () => {
    const serviceId = await createService()
    const explicit = { headers: { 'X-Domain-Name': 'default' } }
    expect(await servicesOf('/microservices', explicit)).toEqual([serviceId])
  })

  it('reads the X-Domain-Name header whatever its casing', async () => {
    const serviceId = await createService({}, { headers: { 'x-domain-name': 'acme' } })
    expect(await servicesOf('/microservices', { headers: { 'X-DOMAIN-NAME': 'acme' } })).toEqual([
      serviceId,
    ])
  })

  it('gives the same identity in two domains two services with different ids', async () => {
    const ours = await createService()
    const theirs = await createService({}, acme)
    expect(ours).not.toBe(theirs)
  })

  it('answers {} when listing the services of a domain that holds nothing', async () => {
    await createService()
    expect(
      expectJsonOk(await get('/microservices', { headers: { 'X-Domain-Name': 'empty' } })),
    ).toEqual({})
  })

  it('keeps instances, heartbeats and discovery inside their domain', async () => {
    const serviceId = await createService({}, acme)
    const instanceId = await registerInstance(serviceId, {}, acme)
    expectError(await get(findCart), '400012')
    const found = await get<{ instances?: MicroServiceInstance[] }>(findCart, acme)
    expect(expectJsonOk(found).instances?.map((i) => i.instanceId)).toEqual([instanceId])
    expectError(
      await put(`/microservices/${serviceId}/instances/${instanceId}/heartbeat`),
      '400017',
    )
    expectEmptyOk(
      await put(`/microservices/${serviceId}/instances/${instanceId}/heartbeat`, undefined, acme),
    )
    expectError(
      await post(`/microservices/${serviceId}/instances`, {
        instance: { hostName: 'h', endpoints: ['rest://b:2'] },
      }),
      '400012',
    )
  })

  it('keeps tags and schemas inside their domain', async () => {
    const serviceId = await createService({}, acme)
    expectError(await post(`/microservices/${serviceId}/tags`, { tags: { a: 'b' } }), '400012')
    expectEmptyOk(await post(`/microservices/${serviceId}/tags`, { tags: { a: 'b' } }, acme))
    expectError(await put(`/microservices/${serviceId}/schemas/hello`, { schema: 'x' }), '400012')
    expectEmptyOk(await put(`/microservices/${serviceId}/schemas/hello`, { schema: 'x' }, acme))
  })

  it('does not let a consumer of another domain discover or depend', async () => {
    const provider = await createService()
    await registerInstance(provider)
    const stranger = await createService({ serviceName: 'web' }, acme)
    expectError(await get(findCart, { headers: { 'X-ConsumerId': stranger } }), '400012')
    const reply = await get<{ consumers?: MicroService[] }>(`/microservices/${provider}/consumers`)
    expect(expectJsonOk(reply)).toEqual({})
  })

  it('answers batch find and existence from the domain of the caller', async () => {
    const serviceId = await createService({}, acme)
    const existence = '/existence?type=microservice&appId=shop&serviceName=cart&version=1.0.0'
    expectError(await get(existence), '400012')
    expect(expectJsonOk(await get(existence, acme))).toEqual({ serviceId })
    const body = { services: [{ service: { appId: 'shop', serviceName: 'cart', version: '0+' } }] }
    const ours = expectJsonOk(
      await post<{ services: { failed?: unknown[] } }>('/instances/action?type=query', body),
    )
    expect(ours.services.failed).toHaveLength(1)
    const theirs = expectJsonOk(
      await post<{ services: { updated?: unknown[] } }>('/instances/action?type=query', body, acme),
    )
    expect(theirs.services.updated).toHaveLength(1)
  })
})

describe('projects', () => {
  it('the project segment partitions the registry too', async () => {
    const first = await post<{ serviceId: string }>('/v4/first/registry/microservices', {
      service: { serviceName: 'cart', appId: 'shop' },
    })
    const serviceId = expectJsonOk(first).serviceId
    expect(await servicesOf('/v4/first/registry/microservices')).toEqual([serviceId])
    expect(await servicesOf('/v4/second/registry/microservices')).toEqual([])
    expect(await servicesOf('/microservices')).toEqual([])
    expectError(await get(`/v4/second/registry/microservices/${serviceId}`), '400012')
  })

  it('gives the same identity in two projects two services with different ids', async () => {
    const body = { service: { serviceName: 'cart', appId: 'shop', version: '1.0.0' } }
    const first = expectJsonOk(
      await post<{ serviceId: string }>('/v4/first/registry/microservices', body),
    )
    const second = expectJsonOk(
      await post<{ serviceId: string }>('/v4/second/registry/microservices', body),
    )
    expect(first.serviceId).not.toBe(second.serviceId)
  })

  it('keys a tenant by domain and project together', async () => {
    const a = await post<{ serviceId: string }>(
      '/v4/first/registry/microservices',
      { service: { serviceName: 'cart' } },
      acme,
    )
    const serviceId = expectJsonOk(a).serviceId
    expect(await servicesOf('/v4/first/registry/microservices', acme)).toEqual([serviceId])
    expect(await servicesOf('/v4/first/registry/microservices')).toEqual([])
    expect(await servicesOf('/microservices', acme)).toEqual([])
  })

  it('expires instances in every tenant', async () => {
    const ours = await createService()
    const theirs = await createService({}, acme)
    await registerInstance(ours)
    await registerInstance(theirs, {}, acme)
    api.mock().advance(120_000)
    expect(api.mock().registry.stats().instances).toBe(0)
  })
})

itExercises(api, COVERAGE.tenants)
