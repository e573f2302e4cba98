import { describe, expect, it } from 'vitest'
import { createRegistry, PROFILE_RULES } from '../../src/registry/index.ts'
import { ctx, expectCode, instance, service, setup } from './helpers.ts'

describe('registry', () => {
  it('defaults to the cse profile', () => {
    const registry = createRegistry()
    expect(registry.profile).toBe('cse')
    expect(registry.rules).toBe(PROFILE_RULES.cse)
  })

  it('switches behaviour when the profile changes, keeping the data', async () => {
    const { registry } = setup('cse')
    const sid = await service(registry)
    await instance(registry, sid)
    await expectCode(
      () => registry.findInstances(ctx, { appId: 'shop', serviceName: 'cart' }),
      '400001',
    )
    registry.setProfile('servicecomb')
    expect(registry.profile).toBe('servicecomb')
    expect(
      (
        await registry.findInstances(ctx, {
          appId: 'shop',
          serviceName: 'cart',
          env: 'development',
        })
      ).value.instances,
    ).toHaveLength(1)
  })

  it('stores one instance when the same custom instanceId is registered concurrently', async () => {
    const { registry } = setup('cse')
    const sid = await service(registry)
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        instance(registry, sid, { instanceId: 'fixed', hostName: `h${i}` }),
      ),
    )
    expect(registry.listInstances(ctx, sid).value.instances).toHaveLength(1)
    expect(registry.getInstance(ctx, sid, 'fixed').value.instance.hostName).toBe('h4')
  })

  it('applies a shorter health check from an overwriting re-registration to the lease', async () => {
    const { registry, clock } = setup('cse')
    const sid = await service(registry)
    await instance(registry, sid, { instanceId: 'fixed' })
    await instance(registry, sid, {
      instanceId: 'fixed',
      healthCheck: { mode: 'push', interval: 5, times: 1 },
    })
    clock.advance(10_000)
    await expectCode(() => registry.getInstance(ctx, sid, 'fixed'), '400017')
  })

  it('hands out copies, so changing a result does not change the registry', async () => {
    const { registry } = setup()
    const sid = await service(registry, { properties: { a: '1' } })
    const iid = await instance(registry, sid)
    const { service: copy } = registry.getService(ctx, sid)
    copy.properties!.a = 'changed'
    const got = registry.getInstance(ctx, sid, iid).value.instance
    got.endpoints!.push('rest://evil:1')
    expect(registry.getService(ctx, sid).service.properties).toEqual({ a: '1' })
    expect(registry.getInstance(ctx, sid, iid).value.instance.endpoints).toHaveLength(1)
  })

  it('answers the registry version', () => {
    expect(createRegistry().version()).toMatchObject({ apiVersion: '4.0.0' })
  })
})
