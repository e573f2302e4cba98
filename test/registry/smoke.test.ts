import { describe, expect, it } from 'vitest'
import { createRegistry, createVirtualClock } from '../../src/registry/index.ts'

const ctx = { domain: 'default', project: 'default' }

describe('registry smoke', () => {
  it('registers and discovers an instance', async () => {
    const registry = createRegistry({ clock: createVirtualClock(1_700_000_000_000) })
    const { serviceId } = await registry.createService(ctx, {
      service: { serviceName: 'cart', version: '1.0.0' },
    })
    expect(serviceId).toMatch(/^[0-9a-f]{40}$/)
    const { instanceId } = await registry.registerInstance(ctx, serviceId, {
      hostName: 'h',
      endpoints: ['rest://1.2.3.4:80'],
    })
    const found = await registry.findInstances(ctx, {
      appId: 'default',
      serviceName: 'cart',
      version: 'latest',
    })
    expect(found.value.instances?.[0]?.instanceId).toBe(instanceId)
    expect(registry.getService(ctx, serviceId).service).toMatchObject({
      environment: 'development',
      level: 'BACK',
    })
  })
})
