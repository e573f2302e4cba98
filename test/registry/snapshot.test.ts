import { describe, expect, it } from 'vitest'
import { RegistryUsageError, SNAPSHOT_FORMAT, type Snapshot } from '../../src/registry/index.ts'
import { ctx, expectCode, instance, service, setup } from './helpers.ts'

describe('snapshot, restore, reset', () => {
  async function populated() {
    const { registry, clock } = setup('servicecomb')
    const provider = await service(registry, { properties: { allowCrossApp: 'true' } })
    await registry.setTags(ctx, provider, { canary: 'true' })
    await registry.putSchema(ctx, provider, 'hello', { schema: 'openapi: 3.0.0', summary: 'abc' })
    await instance(registry, provider, { properties: { nodeIP: '10.0.0.1' } })
    const consumer = await service(
      registry,
      { serviceName: 'web' },
      { domain: 'acme', project: 'p1' },
    )
    await service(registry, { serviceName: 'cart' }, { domain: 'acme', project: 'p1' })
    await registry.findInstances(
      { domain: 'acme', project: 'p1', consumerId: consumer },
      { appId: 'shop', serviceName: 'cart' },
    )
    return { registry, clock, provider }
  }

  it('round-trips a snapshot through restore unchanged', async () => {
    const { registry } = await populated()
    const before = registry.snapshot()
    const { registry: other } = setup('servicecomb')
    await other.restore(structuredClone(before))
    expect(other.snapshot()).toEqual(before)
    expect(before.format).toBe(SNAPSHOT_FORMAT)
    expect(before.tenants.map((t) => `${t.domain}/${t.project}`)).toEqual([
      'default/default',
      'acme/p1',
    ])
  })

  it('gives restored instances a full TTL from the current time', async () => {
    const { registry, clock, provider } = await populated()
    const snap = registry.snapshot()
    clock.advance(100_000)
    await registry.restore(snap)
    clock.advance(100_000)
    expect(registry.listInstances(ctx, provider).value.instances).toHaveLength(1)
    clock.advance(20_000)
    expect(registry.listInstances(ctx, provider).value).toEqual({})
  })

  it('rejects a snapshot of another format with a usage error and keeps the data', async () => {
    const { registry } = await populated()
    const bad = { format: 'other', tenants: [] } as unknown as Snapshot
    const error = await registry.restore(bad).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RegistryUsageError)
    expect((error as RegistryUsageError).code).toBe('ERR_SNAPSHOT_FORMAT')
    expect((error as Error).message).toMatch(/^Failed to restore the registry: .+\. .+\.$/)
    expect(registry.stats().services).toBe(3)
  })

  it('rejects a record the spec schema refuses with ERR_SNAPSHOT_INVALID', async () => {
    const { registry } = setup()
    const snap: Snapshot = {
      format: SNAPSHOT_FORMAT,
      tenants: [
        {
          domain: 'default',
          project: 'default',
          dependencies: [],
          services: [{ service: { serviceId: 's', serviceName: 'a b' } }],
        },
      ],
    }
    const error = await registry.restore(snap).catch((e: unknown) => e)
    expect((error as RegistryUsageError).code).toBe('ERR_SNAPSHOT_INVALID')
  })

  it('empties everything on reset', async () => {
    const { registry } = await populated()
    registry.reset()
    expect(registry.stats()).toEqual({ tenants: 0, services: 0, instances: 0 })
    expect(registry.snapshot()).toEqual({ format: SNAPSHOT_FORMAT, tenants: [] })
  })

  it('counts tenants, services and instances', async () => {
    const { registry } = await populated()
    expect(registry.stats()).toEqual({ tenants: 2, services: 3, instances: 1 })
  })
})

describe('tenants', () => {
  it('keeps tenants apart', async () => {
    const { registry } = setup('servicecomb')
    const other = { domain: 'acme', project: 'default' }
    const sid = await service(registry)
    await instance(registry, sid)
    expect(registry.listServices(other)).toEqual({})
    await expectCode(() => registry.getService(other, sid), '400012')
    await expectCode(
      () => registry.findInstances(other, { appId: 'shop', serviceName: 'cart' }),
      '400012',
    )
    const otherId = await service(registry, {}, other)
    expect(otherId).not.toBe(sid)
    expect(registry.listInstances(other, otherId).value).toEqual({})
  })

  it('treats projects of one domain as separate tenants', async () => {
    const { registry } = setup('servicecomb')
    await service(registry, {}, { domain: 'acme', project: 'a' })
    expect(registry.listServices({ domain: 'acme', project: 'b' })).toEqual({})
  })
})
