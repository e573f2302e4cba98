import { describe, expect, it } from 'vitest'
import { ctx, START_MS, service, setup } from './helpers.ts'

describe('registry.onChange', () => {
  it('is called after writes, heartbeats, expiry and reset, and not after reads', async () => {
    const { registry, clock } = setup()
    let changes = 0
    const stop = registry.onChange(() => changes++)
    const serviceId = await service(registry, { serviceName: 'orders' })
    expect(changes).toBe(1)
    const { instanceId } = await registry.registerInstance(ctx, serviceId, {
      hostName: 'orders-1',
      endpoints: ['rest://10.0.0.1:8080'],
    })
    expect(changes).toBe(2)
    registry.listServices(ctx)
    registry.getService(ctx, serviceId)
    registry.listInstances(ctx, serviceId)
    expect(changes).toBe(2)
    registry.heartbeat(ctx, serviceId, instanceId)
    expect(changes).toBe(3)
    clock.advance(120_000)
    registry.sweep()
    expect(changes).toBe(4)
    registry.reset()
    expect(changes).toBe(5)
    stop()
    await service(registry, { serviceName: 'after' })
    expect(changes).toBe(5)
  })
})

describe('registry.inspect', () => {
  it('gives every instance its lease deadline, and schemas as summaries', async () => {
    const { registry, clock } = setup()
    const serviceId = await service(registry, { serviceName: 'orders' })
    await registry.putSchema(ctx, serviceId, 'hello', { schema: 'openapi: 3.0.0', summary: 's1' })
    const { instanceId } = await registry.registerInstance(ctx, serviceId, {
      hostName: 'orders-1',
      endpoints: ['rest://10.0.0.1:8080'],
      healthCheck: { mode: 'push', interval: 10, times: 2 },
    })
    clock.advance(5_000)
    const view = registry.inspect()
    expect(view.now).toBe(START_MS + 5_000)
    const [entry] = view.tenants[0]!.services
    expect(entry?.schemas).toEqual([{ schemaId: 'hello', summary: 's1', length: 14 }])
    expect(entry?.instances).toEqual([
      expect.objectContaining({ instanceId, leaseExpiresAt: START_MS + 30_000 }),
    ])
  })
})
