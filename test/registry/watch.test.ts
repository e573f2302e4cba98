import { describe, expect, it } from 'vitest'
import type { WatchEvent } from '../../src/registry/index.ts'
import { ctx, expectCode, instance, service, setup } from './helpers.ts'

async function watched(profile: 'cse' | 'servicecomb' = 'servicecomb') {
  const { registry, clock } = setup(profile)
  const provider = await service(registry)
  const consumer = await service(registry, { serviceName: 'web' })
  await registry.findInstances(
    { ...ctx, consumerId: consumer },
    { appId: 'shop', serviceName: 'cart', version: 'latest' },
  )
  const events: WatchEvent[] = []
  const stop = registry.watch(ctx, consumer, (event) => events.push(event))
  return { registry, clock, provider, consumer, events, stop }
}

describe('watch', () => {
  it('sends CREATE, UPDATE and DELETE for the providers a consumer depends on', async () => {
    const { registry, provider, events } = await watched()
    const iid = await instance(registry, provider)
    await registry.updateInstanceStatus(ctx, provider, iid, 'DOWN')
    await registry.deregisterInstance(ctx, provider, iid)
    expect(events.map((e) => e.action)).toEqual(['CREATE', 'UPDATE', 'DELETE'])
    expect(events[0]).toEqual({
      action: 'CREATE',
      key: { tenant: 'default/default', appId: 'shop', serviceName: 'cart', version: '1.0.0' },
      instance: expect.objectContaining({ instanceId: iid, serviceId: provider }),
    })
    expect(events[1]?.instance?.status).toBe('DOWN')
  })

  it('sends DELETE when an instance expires', async () => {
    const { registry, clock, provider, events } = await watched()
    await instance(registry, provider)
    clock.advance(120_000)
    registry.sweep()
    expect(events.map((e) => e.action)).toEqual(['CREATE', 'DELETE'])
  })

  it('sends DELETE for each instance of a force-deleted provider', async () => {
    const { registry, provider, events } = await watched()
    await instance(registry, provider)
    await instance(registry, provider)
    await registry.deleteService(ctx, provider, { force: true })
    expect(events.map((e) => e.action)).toEqual(['CREATE', 'CREATE', 'DELETE', 'DELETE'])
  })

  it('sends nothing about services the consumer does not depend on', async () => {
    const { registry, events } = await watched()
    await instance(registry, await service(registry, { serviceName: 'other' }))
    expect(events).toEqual([])
  })

  it('follows the recorded rule in the cse profile', async () => {
    const { registry, events } = await watched('cse')
    const older = await service(registry, { version: '0.9.0' })
    await instance(registry, older)
    expect(events).toEqual([])
  })

  it('stops after unsubscribing', async () => {
    const { registry, provider, events, stop } = await watched()
    stop()
    await instance(registry, provider)
    expect(events).toEqual([])
  })

  it('answers 400012 for an unknown consumer', async () => {
    const { registry } = setup()
    await expectCode(() => registry.watch(ctx, 'ghost', () => {}), '400012')
  })
})
