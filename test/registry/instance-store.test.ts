import { describe, expect, it } from 'vitest'
import { ctx, expectCode, service, setup } from './helpers.ts'

// The registry keeps instances itself (not in @msw/data): these pin what that store must keep
// doing beyond the API tests — isolation of stored records, the spec check on every write, and
// the endpoint index under changes of zone and nodeIP.

describe('instance store', () => {
  it('keeps nothing of the caller’s body and hands out copies', async () => {
    const { registry } = setup('servicecomb')
    const sid = await service(registry)
    const body = {
      hostName: 'a',
      endpoints: ['rest://10.1.0.1:1'],
      properties: { rack: 'r1' },
      dataCenterInfo: { name: 'dc', region: 'r', availableZone: 'z' },
    }
    const { instanceId } = await registry.registerInstance(ctx, sid, body)
    const other = await registry.registerInstance(ctx, sid, {
      ...body,
      endpoints: ['rest://10.1.0.2:1'],
    })
    body.endpoints.push('rest://10.9.9.9:9')
    body.properties.rack = 'changed'
    body.dataCenterInfo.availableZone = 'changed'
    const answer = registry.getInstance(ctx, sid, instanceId).value.instance
    expect(answer.endpoints).toEqual(['rest://10.1.0.1:1'])
    expect(answer.properties).toEqual({ rack: 'r1' })
    expect(answer.dataCenterInfo?.availableZone).toBe('z')
    // Instances with equal health checks and data centres share them in store: changing one
    // answer must change neither the store nor the other instance.
    answer.dataCenterInfo!.availableZone = 'mutated'
    answer.healthCheck!.interval = 999
    const again = registry.getInstance(ctx, sid, instanceId).value.instance
    const sibling = registry.getInstance(ctx, sid, other.instanceId).value.instance
    for (const got of [again, sibling]) {
      expect(got.dataCenterInfo?.availableZone).toBe('z')
      expect(got.healthCheck?.interval).toBe(30)
    }
  })

  it('checks every write against the spec and leaves a refused one unstored', async () => {
    const { registry } = setup('cse')
    const sid = await service(registry)
    const { instanceId } = await registry.registerInstance(ctx, sid, {
      instanceId: 'i1',
      hostName: 'a',
      endpoints: ['rest://10.1.0.1:1'],
    })
    const error = await expectCode(
      () =>
        registry.registerInstance(ctx, sid, {
          instanceId,
          hostName: 'a',
          endpoints: ['rest://10.1.0.1:1'],
          properties: { weight: 7 as unknown as string },
        }),
      '400001',
    )
    expect(error.detail).toMatch(/MicroServiceInstance does not match the spec/)
    expect(registry.getInstance(ctx, sid, instanceId).value.instance.properties).toBeUndefined()
  })

  it('finds the user of an endpoint set by its full key after zone and nodeIP changes', async () => {
    const { registry } = setup('cse')
    const a = await service(registry)
    const b = await service(registry, { serviceName: 'web' })
    const endpoints = ['rest://10.2.0.1:1']
    const zoneA = { name: 'dc', region: 'r', availableZone: 'a' }
    const first = await registry.registerInstance(ctx, a, {
      hostName: 'a',
      endpoints,
      dataCenterInfo: zoneA,
    })
    // Same endpoints in another zone: another key, so another service may use them.
    const other = await registry.registerInstance(ctx, b, {
      hostName: 'b',
      endpoints,
      dataCenterInfo: { ...zoneA, availableZone: 'b' },
    })
    expect(other.instanceId).not.toBe(first.instanceId)
    const again = await registry.registerInstance(ctx, a, {
      hostName: 'c',
      endpoints,
      dataCenterInfo: zoneA,
    })
    expect(again.instanceId).toBe(first.instanceId)
    await expectCode(
      () =>
        registry.registerInstance(ctx, a, {
          hostName: 'd',
          endpoints,
          dataCenterInfo: { ...zoneA, availableZone: 'b' },
        }),
      '400025',
    )
    // A nodeIP in the properties is part of the key: after it, zone a's set is free again.
    await registry.updateInstanceProperties(ctx, a, first.instanceId, { nodeIP: '10.2.0.1' })
    const fresh = await registry.registerInstance(ctx, b, {
      hostName: 'e',
      endpoints,
      dataCenterInfo: zoneA,
    })
    expect(fresh.instanceId).not.toBe(first.instanceId)
    // Deregistered, an instance no longer holds its endpoints.
    await registry.deregisterInstance(ctx, b, fresh.instanceId)
    await registry.deregisterInstance(ctx, b, other.instanceId)
    const reused = await registry.registerInstance(ctx, a, {
      hostName: 'f',
      endpoints,
      dataCenterInfo: { ...zoneA, availableZone: 'b' },
    })
    expect(reused.instanceId).not.toBe(first.instanceId)
    expect(registry.listInstances(ctx, a).value.instances).toHaveLength(2)
  })
})
