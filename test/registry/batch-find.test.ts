import { describe, expect, it } from 'vitest'
import { ctx, expectCode, instance, service, setup } from './helpers.ts'

describe('batch find', () => {
  it('sorts entries into updated, notModified and failed', async () => {
    const { registry } = setup('servicecomb')
    const sid = await service(registry)
    const iid = await instance(registry, sid)
    const { revision } = await registry.findInstances(ctx, { appId: 'shop', serviceName: 'cart' })
    const answer = await registry.batchFind(ctx, {
      services: [
        { service: { appId: 'shop', serviceName: 'cart' }, rev: '0' },
        { service: { appId: 'shop', serviceName: 'cart' }, rev: revision },
        { service: { appId: 'shop', serviceName: 'nope' } },
        { service: { appId: 'shop', serviceName: 'gone' } },
      ],
      instances: [
        { instance: { serviceId: sid, instanceId: iid } },
        { instance: { serviceId: sid, instanceId: 'nope' } },
      ],
    })
    expect(answer.services?.updated).toEqual([
      { index: 0, rev: revision, instances: [expect.objectContaining({ instanceId: iid })] },
    ])
    expect(answer.services?.notModified).toEqual([1])
    expect(answer.services?.failed).toEqual([
      { indexes: [2, 3], error: expect.objectContaining({ errorCode: '400012' }) },
    ])
    expect(answer.instances?.updated?.[0]).toMatchObject({
      index: 0,
      instances: [{ instanceId: iid }],
    })
    expect(answer.instances?.failed?.[0]).toMatchObject({
      indexes: [1],
      error: { errorCode: '400017' },
    })
  })

  it('always carries index and rev in updated entries, even without instances', async () => {
    const { registry } = setup('servicecomb')
    await service(registry)
    const answer = await registry.batchFind(ctx, {
      services: [{ service: { appId: 'shop', serviceName: 'cart' } }],
    })
    expect(answer).toEqual({ services: { updated: [{ index: 0, rev: expect.any(String) }] } })
  })

  it('applies version rules per entry in the cse profile', async () => {
    const { registry } = setup('cse')
    await instance(registry, await service(registry, { version: '1.0.0' }))
    const v2 = await instance(registry, await service(registry, { version: '2.0.0' }))
    const answer = await registry.batchFind(ctx, {
      services: [
        { service: { appId: 'shop', serviceName: 'cart', version: 'latest' } },
        { service: { appId: 'shop', serviceName: 'cart', version: '3.0.0' } },
      ],
    })
    expect(answer.services?.updated?.[0]?.instances?.map((i) => i.instanceId)).toEqual([v2])
    expect(answer.services?.failed?.[0]).toMatchObject({
      indexes: [1],
      error: { errorCode: '400012' },
    })
  })

  it('rejects a missing version rule with 400001 in the cse profile', async () => {
    const { registry } = setup('cse')
    await service(registry)
    await expectCode(
      () =>
        registry.batchFind(ctx, {
          services: [{ service: { appId: 'shop', serviceName: 'cart' } }],
        }),
      '400001',
    )
  })

  it('does not fall back to aliases', async () => {
    const { registry } = setup('servicecomb')
    await service(registry, { alias: 'basket' })
    const answer = await registry.batchFind(ctx, {
      services: [{ service: { appId: 'shop', serviceName: 'basket' } }],
    })
    expect(answer.services?.failed?.[0]?.error.errorCode).toBe('400012')
  })

  it('records dependencies for a consumer', async () => {
    const { registry } = setup('servicecomb')
    const sid = await service(registry)
    const consumer = await service(registry, { serviceName: 'web' })
    await registry.batchFind(
      { ...ctx, consumerId: consumer },
      { services: [{ service: { appId: 'shop', serviceName: 'cart' } }] },
    )
    expect(registry.listConsumers(ctx, sid).consumers?.map((c) => c.serviceId)).toEqual([consumer])
  })

  it('rejects a request without services and instances with 400001', async () => {
    const { registry } = setup()
    await expectCode(() => registry.batchFind(ctx, {}), '400001')
  })
})
