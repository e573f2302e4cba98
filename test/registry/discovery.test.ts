import { describe, expect, it } from 'vitest'
import type { Registry } from '../../src/registry/index.ts'
import { ctx, expectCode, instance, service, setup } from './helpers.ts'

const find = (
  registry: Registry,
  q: Partial<Parameters<Registry['findInstances']>[1]> = {},
  context = ctx,
) => registry.findInstances(context, { appId: 'shop', serviceName: 'cart', ...q })

const ids = async (pending: ReturnType<typeof find>) =>
  ((await pending).value.instances ?? []).map((i) => i.instanceId)

describe('discovery filters', () => {
  it('finds the instances of a service by appId and serviceName', async () => {
    const { registry } = setup('servicecomb')
    const sid = await service(registry)
    const iid = await instance(registry, sid)
    expect(await ids(find(registry))).toEqual([iid])
  })

  it('answers 400012 when no service has that name', async () => {
    const { registry } = setup('servicecomb')
    await service(registry)
    await expectCode(() => find(registry, { serviceName: 'nope' }), '400012')
    await expectCode(() => find(registry, { appId: 'other' }), '400012')
  })

  it('looks in the profile default environment when env is absent', async () => {
    const { registry } = setup('cse')
    const dev = await service(registry)
    const prod = await service(registry, { environment: 'production' })
    const devInstance = await instance(registry, dev)
    const prodInstance = await instance(registry, prod)
    expect(await ids(find(registry, { version: 'latest' }))).toEqual([devInstance])
    expect(await ids(find(registry, { version: 'latest', env: 'production' }))).toEqual([
      prodInstance,
    ])
  })

  it('does not default appId in discovery', async () => {
    const { registry } = setup('servicecomb')
    await registry.createService(ctx, { service: { serviceName: 'cart' } })
    await expectCode(
      () => registry.findInstances(ctx, { appId: '', serviceName: 'cart' }),
      '400012',
    )
  })

  it('falls back to the alias when no service has the name', async () => {
    const { registry } = setup('servicecomb')
    const sid = await service(registry, { alias: 'basket' })
    const iid = await instance(registry, sid)
    expect(await ids(find(registry, { serviceName: 'basket' }))).toEqual([iid])
  })

  it('keeps only providers carrying every requested tag key, whatever the value', async () => {
    const { registry } = setup('servicecomb')
    const tagged = await service(registry)
    const plain = await service(registry, { version: '2.0.0' })
    await registry.setTags(ctx, tagged, { canary: 'no', zone: 'a' })
    const taggedInstance = await instance(registry, tagged)
    await instance(registry, plain)
    expect(await ids(find(registry, { tags: ['canary'] }))).toEqual([taggedInstance])
    expect((await find(registry, { tags: ['canary', 'other'] })).value).toEqual({})
  })

  it('returns instances of every status', async () => {
    const { registry } = setup('servicecomb')
    const sid = await service(registry)
    const iid = await instance(registry, sid, { status: 'OUTOFSERVICE' })
    expect(await ids(find(registry))).toEqual([iid])
  })

  it('orders instances newest version first', async () => {
    const { registry } = setup('servicecomb')
    const old = await instance(registry, await service(registry, { version: '1.9' }))
    const recent = await instance(registry, await service(registry, { version: '1.10' }))
    expect(await ids(find(registry))).toEqual([recent, old])
  })

  it('answers notModified when rev equals the current revision', async () => {
    const { registry } = setup('servicecomb')
    const sid = await service(registry)
    await instance(registry, sid)
    const { revision } = await find(registry)
    expect((await find(registry, { rev: revision })).notModified).toBe(true)
    await instance(registry, sid)
    expect((await find(registry, { rev: revision })).notModified).toBe(false)
  })
})

describe('version rules', () => {
  async function versions(profile: 'cse' | 'servicecomb' = 'cse') {
    const { registry } = setup(profile)
    const byVersion: Record<string, string> = {}
    for (const version of ['1.0.0', '1.2.0', '2.0.0', '3.0']) {
      byVersion[version] = await instance(registry, await service(registry, { version }))
    }
    const found = async (version: string) => {
      const list = await ids(find(registry, { version }))
      return list.map((id) => Object.keys(byVersion).find((v) => byVersion[v] === id))
    }
    return { registry, found }
  }

  it('requires a version rule in the cse profile', async () => {
    const { registry } = await versions('cse')
    await expectCode(() => find(registry), '400001')
    await expectCode(() => find(registry, { version: '1.99999' }), '400001')
  })

  it('matches an exact version literally', async () => {
    const { found } = await versions()
    expect(await found('1.2.0')).toEqual(['1.2.0'])
  })

  it('answers 400012 for an exact version that does not exist', async () => {
    const { registry } = await versions()
    await expectCode(() => find(registry, { version: '1.2' }), '400012')
  })

  it('matches only the newest version with latest', async () => {
    const { found } = await versions()
    expect(await found('latest')).toEqual(['3.0'])
  })

  it('matches every version from x with x+', async () => {
    const { found } = await versions()
    expect(await found('1.2+')).toEqual(['3.0', '2.0.0', '1.2.0'])
    expect(await found('9+')).toEqual([])
  })

  it('treats a range as half-open', async () => {
    const { found } = await versions()
    expect(await found('1.0.0-2.0.0')).toEqual(['1.2.0', '1.0.0'])
  })

  it('swaps reversed range bounds', async () => {
    const { found } = await versions()
    expect(await found('2.0.0-1.0.0')).toEqual(['1.2.0', '1.0.0'])
    expect(await found('2.0-2.0')).toEqual([])
  })

  it('ignores version in the servicecomb profile', async () => {
    const { found } = await versions('servicecomb')
    expect(await found('1.0.0')).toEqual(['3.0', '2.0.0', '1.2.0', '1.0.0'])
  })
})

describe('X-ConsumerId', () => {
  it('answers 400012 for an unknown consumer', async () => {
    const { registry } = setup('servicecomb')
    await instance(registry, await service(registry))
    await expectCode(() => find(registry, {}, { ...ctx, consumerId: 'ghost' }), '400012')
    await expectCode(() => registry.listInstances({ ...ctx, consumerId: 'ghost' }, 'x'), '400012')
  })

  it("uses the consumer's environment instead of env", async () => {
    const { registry } = setup('servicecomb')
    const prod = await service(registry, { environment: 'production' })
    const prodInstance = await instance(registry, prod)
    await instance(registry, await service(registry))
    const consumer = await service(registry, { serviceName: 'web', environment: 'production' })
    expect(await ids(find(registry, { env: 'testing' }, { ...ctx, consumerId: consumer }))).toEqual(
      [prodInstance],
    )
  })

  it('hides providers of another app unless they allow cross-app access', async () => {
    const { registry } = setup('servicecomb')
    const sid = await service(registry)
    const iid = await instance(registry, sid)
    const consumer = await service(registry, { serviceName: 'web', appId: 'other' })
    const asConsumer = { ...ctx, consumerId: consumer }
    expect((await find(registry, {}, asConsumer)).value).toEqual({})
    await expectCode(() => registry.listInstances(asConsumer, sid), '400012')
    await expectCode(() => registry.getInstance(asConsumer, sid, iid), '400017')
    await registry.updateServiceProperties(ctx, sid, { allowCrossApp: 'TRUE' })
    expect(await ids(find(registry, {}, asConsumer))).toEqual([iid])
    expect(registry.listInstances(asConsumer, sid).value.instances).toHaveLength(1)
  })

  it('hides providers of another environment from a by-id read', async () => {
    const { registry } = setup('servicecomb')
    const sid = await service(registry)
    await instance(registry, sid)
    const consumer = await service(registry, { serviceName: 'web', environment: 'testing' })
    await expectCode(() => registry.listInstances({ ...ctx, consumerId: consumer }, sid), '400012')
  })

  it('records the version rule used in the cse profile, a new rule replacing the old', async () => {
    const { registry } = setup('cse')
    const v1 = await service(registry, { version: '1.0.0' })
    const v2 = await service(registry, { version: '2.0.0' })
    const consumer = await service(registry, { serviceName: 'web' })
    const asConsumer = { ...ctx, consumerId: consumer }
    await find(registry, { version: '1.0.0' }, asConsumer)
    expect(registry.listProviders(ctx, consumer).providers?.map((p) => p.serviceId)).toEqual([v1])
    await find(registry, { version: 'latest' }, asConsumer)
    expect(registry.listProviders(ctx, consumer).providers?.map((p) => p.serviceId)).toEqual([v2])
    expect(registry.snapshot().tenants[0]?.dependencies).toEqual([
      {
        consumerId: consumer,
        providers: [
          { environment: 'development', appId: 'shop', serviceName: 'cart', version: 'latest' },
        ],
      },
    ])
  })

  it('records all versions (0.0.0+) in the servicecomb profile', async () => {
    const { registry } = setup('servicecomb')
    const v1 = await service(registry, { version: '1.0.0' })
    const v2 = await service(registry, { version: '2.0.0' })
    const consumer = await service(registry, { serviceName: 'web' })
    await find(registry, { version: '1.0.0' }, { ...ctx, consumerId: consumer })
    expect(registry.listProviders(ctx, consumer).providers?.map((p) => p.serviceId)).toEqual([
      v2,
      v1,
    ])
    expect(registry.snapshot().tenants[0]?.dependencies[0]?.providers).toEqual([
      { appId: 'shop', serviceName: 'cart', version: '0.0.0+' },
    ])
  })

  it('records no dependency when every provider was filtered out', async () => {
    const { registry } = setup('servicecomb')
    const sid = await service(registry)
    const consumer = await service(registry, { serviceName: 'web', appId: 'other' })
    await find(registry, {}, { ...ctx, consumerId: consumer })
    expect(registry.listConsumers(ctx, sid)).toEqual({})
  })

  it('records the real service name when found by alias', async () => {
    const { registry } = setup('servicecomb')
    const sid = await service(registry, { alias: 'basket' })
    const consumer = await service(registry, { serviceName: 'web' })
    await find(registry, { serviceName: 'basket' }, { ...ctx, consumerId: consumer })
    expect(registry.listProviders(ctx, consumer).providers?.map((p) => p.serviceId)).toEqual([sid])
  })
})

describe('providers and consumers', () => {
  it('lists consumers of every provider version and honours noSelf', async () => {
    const { registry } = setup('servicecomb')
    const v1 = await service(registry, { version: '1.0.0' })
    const consumer = await service(registry, { serviceName: 'web' })
    await find(registry, {}, { ...ctx, consumerId: consumer })
    await find(registry, {}, { ...ctx, consumerId: v1 })
    const v2 = await service(registry, { version: '2.0.0' })
    expect(registry.listConsumers(ctx, v2).consumers?.map((c) => c.serviceId)).toEqual([
      consumer,
      v1,
    ])
    expect(
      registry.listConsumers(ctx, v1, { noSelf: true }).consumers?.map((c) => c.serviceId),
    ).toEqual([consumer])
    expect(
      registry.listProviders(ctx, v1, { noSelf: true }).providers?.map((p) => p.serviceId),
    ).toEqual([v2])
  })

  it('answers 400012 for an unknown id', async () => {
    const { registry } = setup()
    await expectCode(() => registry.listProviders(ctx, 'nope'), '400012')
    await expectCode(() => registry.listConsumers(ctx, 'nope'), '400012')
  })

  it('forgets the rules of a deleted consumer', async () => {
    const { registry } = setup('servicecomb')
    const provider = await service(registry)
    const consumer = await service(registry, { serviceName: 'web' })
    await find(registry, {}, { ...ctx, consumerId: consumer })
    await registry.deleteService(ctx, consumer)
    expect(registry.listConsumers(ctx, provider)).toEqual({})
    await registry.deleteService(ctx, provider)
  })
})
