import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { ctx, instance, service, setup } from './helpers.ts'

const OWN_ID = createHash('sha1')
  .update('/cse-sr/ms/indexes/default/default/development/default/SERVICECENTER/2.2.0')
  .digest('hex')
const other = { domain: 'other', project: 'default' }
const findOwn = { appId: 'default', serviceName: 'SERVICECENTER' }

describe.each(['cse', 'servicecomb'] as const)('SERVICECENTER in the %s profile', (profile) => {
  it('is registered in default/default with one UP instance, as Service Center registers itself', () => {
    const { registry } = setup(profile)
    expect(registry.getService(ctx, OWN_ID).service).toMatchObject({
      serviceId: OWN_ID,
      appId: 'default',
      serviceName: 'SERVICECENTER',
      alias: 'SERVICECENTER',
      environment: 'development',
      version: '2.2.0',
      properties: { allowCrossApp: 'true' },
    })
    const { instances } = registry.listInstances(ctx, OWN_ID).value
    expect(instances).toHaveLength(1)
    expect(instances?.[0]).toMatchObject({ serviceId: OWN_ID, status: 'UP' })
  })

  it('is found by discovery without env and with a consumer of another app and environment', async () => {
    const { registry } = setup(profile)
    const version = profile === 'cse' ? { version: '0+' } : {}
    const plain = await registry.findInstances(ctx, { ...findOwn, ...version })
    expect(plain.value.instances?.map((i) => i.serviceId)).toEqual([OWN_ID])
    const consumerId = await service(registry, { environment: 'production' })
    const asConsumer = await registry.findInstances(
      { ...ctx, consumerId },
      { ...findOwn, ...version },
    )
    expect(asConsumer.value.instances).toHaveLength(1)
    expect(registry.listProviders(ctx, consumerId)).toEqual({})
  })

  it('is not part of another tenant, whose health still names it', async () => {
    const { registry } = setup(profile)
    const version = profile === 'cse' ? { version: '0+' } : {}
    await expect(registry.findInstances(other, { ...findOwn, ...version })).rejects.toMatchObject({
      code: '400012',
    })
    expect(registry.listServices(other, { withShared: true })).toEqual({})
    expect(registry.health(other).instances?.[0]?.serviceId).toBe(OWN_ID)
  })

  it('stays through reset and restore, and stays out of snapshots and stats', async () => {
    const { registry } = setup(profile)
    const own = registry.health(ctx).instances?.[0]
    const serviceId = await service(registry)
    await instance(registry, serviceId)
    const snapshot = registry.snapshot()
    expect(snapshot.tenants[0]?.services.map((s) => s.service.serviceId)).toEqual([serviceId])
    expect(registry.stats()).toEqual({ tenants: 1, services: 1, instances: 1 })
    registry.reset()
    expect(registry.stats()).toEqual({ tenants: 0, services: 0, instances: 0 })
    expect(registry.snapshot().tenants).toEqual([])
    expect(registry.health(ctx).instances?.[0]?.instanceId).toBe(own?.instanceId)
    await registry.restore(snapshot)
    expect(registry.listServices(ctx, { withShared: true }).services).toHaveLength(2)
    expect(registry.getService(ctx, OWN_ID).service.serviceName).toBe('SERVICECENTER')
  })

  it('answers edits of its record and its instance as for a missing one, never with a 500', async () => {
    const { registry } = setup(profile)
    const [own] = registry.listInstances(ctx, OWN_ID).value.instances ?? []
    const instanceId = own!.instanceId!
    const codeOf = (write: Promise<unknown>) =>
      write.then(
        () => 'done',
        (error: { code?: string }) => error.code,
      )
    expect(await codeOf(registry.updateServiceProperties(ctx, OWN_ID, { a: 'b' }))).toBe('400012')
    expect(await codeOf(registry.updateInstanceStatus(ctx, OWN_ID, instanceId, 'DOWN'))).toBe(
      '400017',
    )
    expect(
      await codeOf(registry.updateInstanceProperties(ctx, OWN_ID, instanceId, { a: 'b' })),
    ).toBe('400017')
    expect(await codeOf(registry.deregisterInstance(ctx, OWN_ID, instanceId))).toBe('400017')
    expect(registry.listInstances(ctx, OWN_ID).value.instances).toHaveLength(1)
  })

  it('never expires, since Service Center heartbeats itself', () => {
    const { registry, clock } = setup(profile)
    clock.advance(3_600_000)
    registry.sweep()
    expect(registry.health(ctx).instances).toHaveLength(1)
  })

  it('moves to the address the server gives it', () => {
    const { registry } = setup(profile)
    const before = registry.listInstances(ctx, OWN_ID).revision
    registry.setOwnEndpoint('rest://127.0.0.1:41234/', 'build-host')
    expect(registry.health(ctx).instances?.[0]).toMatchObject({
      endpoints: ['rest://127.0.0.1:41234/'],
      hostName: 'build-host',
    })
    expect(registry.listInstances(ctx, OWN_ID).revision).not.toBe(before)
    registry.reset()
    expect(registry.health(ctx).instances?.[0]?.endpoints).toEqual(['rest://127.0.0.1:41234/'])
  })
})
