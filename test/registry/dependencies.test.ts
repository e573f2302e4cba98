import { describe, expect, it } from 'vitest'
import { ctx, expectCode, service, setup } from './helpers.ts'

const consumerKey = { appId: 'shop', serviceName: 'web', version: '1.0.0' }

describe('dependencies API', () => {
  it('adds providers to a consumer, defaulting appId to the consumer', async () => {
    const { registry } = setup('servicecomb')
    const provider = await service(registry)
    const consumer = await service(registry, { serviceName: 'web' })
    await registry.addDependencies(ctx, {
      dependencies: [{ consumer: consumerKey, providers: [{ serviceName: 'cart' }] }],
    })
    expect(registry.listProviders(ctx, consumer).providers?.map((p) => p.serviceId)).toEqual([
      provider,
    ])
  })

  it("looks a provider without environment up in the default environment, not the consumer's", async () => {
    const { registry } = setup('servicecomb')
    const provider = await service(registry, { environment: 'development' })
    const consumer = await service(registry, { serviceName: 'web', environment: 'development' })
    const consumerInDevelopment = { ...consumerKey, environment: 'development' }
    await registry.addDependencies(ctx, {
      dependencies: [{ consumer: consumerInDevelopment, providers: [{ serviceName: 'cart' }] }],
    })
    expect(registry.listProviders(ctx, consumer)).toEqual({})
    await registry.addDependencies(ctx, {
      dependencies: [
        {
          consumer: consumerInDevelopment,
          providers: [{ environment: 'development', serviceName: 'cart' }],
        },
      ],
    })
    expect(registry.listProviders(ctx, consumer).providers?.map((p) => p.serviceId)).toEqual([
      provider,
    ])
  })

  it('overwrites the providers of a consumer on PUT', async () => {
    const { registry } = setup('servicecomb')
    await service(registry)
    const other = await service(registry, { serviceName: 'pay' })
    const consumer = await service(registry, { serviceName: 'web' })
    await registry.addDependencies(ctx, {
      dependencies: [{ consumer: consumerKey, providers: [{ serviceName: 'cart' }] }],
    })
    await registry.putDependencies(ctx, {
      dependencies: [{ consumer: consumerKey, providers: [{ serviceName: 'pay' }] }],
    })
    expect(registry.listProviders(ctx, consumer).providers?.map((p) => p.serviceId)).toEqual([
      other,
    ])
    await registry.putDependencies(ctx, {
      dependencies: [{ consumer: consumerKey, providers: [] }],
    })
    expect(registry.listProviders(ctx, consumer)).toEqual({})
  })

  it('answers 400012 for an unknown consumer and 400001 for duplicate providers', async () => {
    const { registry } = setup('servicecomb')
    await service(registry, { serviceName: 'web' })
    await expectCode(
      () =>
        registry.addDependencies(ctx, {
          dependencies: [
            {
              consumer: { ...consumerKey, serviceName: 'x' },
              providers: [{ serviceName: 'cart' }],
            },
          ],
        }),
      '400012',
    )
    await expectCode(
      () =>
        registry.addDependencies(ctx, {
          dependencies: [
            {
              consumer: consumerKey,
              providers: [{ serviceName: 'cart' }, { serviceName: 'cart' }],
            },
          ],
        }),
      '400001',
    )
  })
})
