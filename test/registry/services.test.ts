import { describe, expect, it } from 'vitest'
import { createRegistry, serviceIdFor } from '../../src/registry/index.ts'
import { ctx, expectCode, instance, service, setup } from './helpers.ts'

describe('services', () => {
  it('fills appId, version, level, status and the cse environment on create', async () => {
    const { registry } = setup('cse')
    const { serviceId } = await registry.createService(ctx, { service: { serviceName: 'cart' } })
    expect(registry.getService(ctx, serviceId).service).toEqual({
      serviceId,
      environment: 'development',
      appId: 'default',
      serviceName: 'cart',
      version: '0.0.1',
      level: 'BACK',
      status: 'UP',
      timestamp: '1700000000',
      modTimestamp: '1700000000',
    })
  })

  it('leaves the environment empty in the servicecomb profile', async () => {
    const { registry } = setup('servicecomb')
    const { serviceId } = await registry.createService(ctx, { service: { serviceName: 'cart' } })
    expect(registry.getService(ctx, serviceId).service.environment).toBeUndefined()
  })

  it('derives a deterministic 40-hex serviceId from the identity', async () => {
    const { registry } = setup('servicecomb')
    const id = await service(registry)
    const identity = {
      domain: 'default',
      project: 'default',
      environment: '',
      appId: 'shop',
      serviceName: 'cart',
      version: '1.0.0',
    }
    expect(id).toBe(serviceIdFor(identity))
    await registry.deleteService(ctx, id)
    expect(await service(registry)).toBe(id)
  })

  it('answers the existing id when the same service is created again, without updating it', async () => {
    const { registry } = setup()
    const id = await service(registry, { description: 'first' })
    expect(await service(registry, { description: 'second' })).toBe(id)
    expect(await service(registry, { serviceId: id })).toBe(id)
    expect(registry.getService(ctx, id).service.description).toBe('first')
  })

  it('rejects a different serviceId for an existing identity with 400010', async () => {
    const { registry } = setup()
    await service(registry)
    await expectCode(() => service(registry, { serviceId: 'other' }), '400010')
  })

  it('rejects a serviceId already used by another identity with 400010', async () => {
    const { registry } = setup()
    await service(registry, { serviceId: 'taken' })
    await expectCode(() => service(registry, { serviceId: 'taken', version: '2.0.0' }), '400010')
  })

  it('rejects an alias already used by the same version of another service with 400010', async () => {
    const { registry } = setup()
    await service(registry, { alias: 'basket' })
    await expectCode(() => service(registry, { serviceName: 'cart2', alias: 'basket' }), '400010')
    await service(registry, { serviceName: 'cart2', alias: 'basket', version: '2.0.0' })
  })

  it('rejects a version segment above 32767 with 400001', async () => {
    const { registry } = setup()
    const error = await expectCode(() => service(registry, { version: '1.40000' }), '400001')
    expect(error.detail).toContain('32767')
  })

  it('answers 400100 when the service quota is used up', async () => {
    const registry = createRegistry({ quotas: { services: 1 } })
    await service(registry)
    await expectCode(() => service(registry, { version: '2.0.0' }), '400100')
  })

  it('applies tags and instances given with the service', async () => {
    const { registry } = setup()
    const { serviceId } = await registry.createService(ctx, {
      service: { serviceName: 'cart' },
      tags: { canary: 'true' },
      instances: [{ hostName: 'a', endpoints: ['rest://1.1.1.1:1'] }],
    })
    expect(registry.getTags(ctx, serviceId).tags).toEqual({ canary: 'true' })
    expect(registry.listInstances(ctx, serviceId).value.instances).toHaveLength(1)
  })

  it('keeps the service created when one of its instances fails, answering 400001', async () => {
    const { registry } = setup()
    const error = await expectCode(
      () =>
        registry.createService(ctx, {
          service: { serviceName: 'cart' },
          instances: [{ hostName: 'a' }],
        }),
      '400001',
    )
    expect(error.detail).toContain('instances[0]')
    expect(registry.listServices(ctx).services).toHaveLength(1)
  })

  it('lists the services of the tenant, or nothing', async () => {
    const { registry } = setup()
    expect(registry.listServices(ctx)).toEqual({})
    await service(registry)
    expect(registry.listServices(ctx).services?.map((s) => s.serviceName)).toEqual(['cart'])
  })

  it('answers 400012 for an unknown service', async () => {
    const { registry } = setup()
    await expectCode(() => registry.getService(ctx, 'nope'), '400012')
    await expectCode(() => registry.deleteService(ctx, 'nope'), '400012')
  })

  it('replaces the properties and sets modTimestamp', async () => {
    const { registry, clock } = setup()
    const id = await service(registry, { properties: { a: '1', b: '2' } })
    clock.advance(5000)
    await registry.updateServiceProperties(ctx, id, { c: '3' })
    const { service: stored } = registry.getService(ctx, id)
    expect(stored.properties).toEqual({ c: '3' })
    expect(stored.modTimestamp).toBe('1700000005')
    expect(stored.timestamp).toBe('1700000000')
    await registry.updateServiceProperties(ctx, id, undefined)
    expect(registry.getService(ctx, id).service.properties).toBeUndefined()
  })
})

describe('service deletion', () => {
  it('refuses a non-forced delete of a service with instances with 400013', async () => {
    const { registry } = setup()
    const id = await service(registry)
    await instance(registry, id)
    await expectCode(() => registry.deleteService(ctx, id), '400013')
  })

  it('checks consumers (400023) before instances (400013)', async () => {
    const { registry } = setup('servicecomb')
    const provider = await service(registry)
    await instance(registry, provider)
    const consumer = await service(registry, { serviceName: 'web' })
    await registry.findInstances(
      { ...ctx, consumerId: consumer },
      { appId: 'shop', serviceName: 'cart' },
    )
    await expectCode(() => registry.deleteService(ctx, provider), '400023')
  })

  it('does not count a self-dependency as a consumer', async () => {
    const { registry } = setup('servicecomb')
    const id = await service(registry)
    await instance(registry, id)
    await registry.findInstances({ ...ctx, consumerId: id }, { appId: 'shop', serviceName: 'cart' })
    await expectCode(() => registry.deleteService(ctx, id), '400013')
  })

  it('deletes a service with its instances when forced', async () => {
    const { registry } = setup()
    const id = await service(registry)
    const iid = await instance(registry, id)
    await registry.deleteService(ctx, id, { force: true })
    await expectCode(() => registry.getService(ctx, id), '400012')
    await expectCode(() => registry.heartbeat(ctx, id, iid), '400017')
    expect(registry.stats()).toEqual({ tenants: 0, services: 0, instances: 0 })
  })

  it('answers a per-service list to a batch delete in the servicecomb profile', async () => {
    const { registry } = setup('servicecomb')
    const a = await service(registry)
    const b = await service(registry, { version: '2.0.0' })
    await instance(registry, b)
    const answer = await registry.deleteServices(ctx, { serviceIds: [a, b, a] })
    expect(answer).toEqual({
      services: [{ serviceId: a }, { serviceId: b, errMessage: expect.any(String) }],
    })
  })

  it('answers 400001 to a batch delete with a failure in the cse profile', async () => {
    const { registry } = setup('cse')
    const a = await service(registry)
    await expectCode(() => registry.deleteServices(ctx, { serviceIds: [a, 'nope'] }), '400001')
    await expectCode(() => registry.getService(ctx, a), '400012')
  })

  it('answers nothing to a successful batch delete in the cse profile', async () => {
    const { registry } = setup('cse')
    const a = await service(registry)
    expect(await registry.deleteServices(ctx, { serviceIds: [a] })).toBeUndefined()
  })
})
