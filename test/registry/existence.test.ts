import { describe, expect, it } from 'vitest'
import { ctx, expectCode, service, setup } from './helpers.ts'

const q = (version: string, serviceName = 'cart') => ({
  type: 'microservice',
  appId: 'shop',
  serviceName,
  version,
})

describe('existence', () => {
  it('finds a service by exact version in both profiles', async () => {
    for (const profile of ['cse', 'servicecomb'] as const) {
      const { registry } = setup(profile)
      const sid = await service(registry)
      expect(registry.existence(ctx, q('1.0.0'))).toEqual({ serviceId: sid })
    }
  })

  it('answers the newest match of a rule in the cse profile', async () => {
    const { registry } = setup('cse')
    await service(registry, { version: '1.0.0' })
    const v2 = await service(registry, { version: '2.0.0' })
    expect(registry.existence(ctx, q('1+')).serviceId).toBe(v2)
    expect(registry.existence(ctx, q('latest')).serviceId).toBe(v2)
  })

  it('answers 400026 for a rule matching nothing and 400012 for an exact miss in the cse profile', async () => {
    const { registry } = setup('cse')
    await service(registry)
    await expectCode(() => registry.existence(ctx, q('5+')), '400026')
    await expectCode(() => registry.existence(ctx, q('1.0.1')), '400012')
    await expectCode(() => registry.existence(ctx, q('latest', 'nope')), '400012')
  })

  it('answers 400026 for a missing version and 400012 for a missing name in the servicecomb profile', async () => {
    const { registry } = setup('servicecomb')
    await service(registry)
    await expectCode(() => registry.existence(ctx, q('1.0.1')), '400026')
    await expectCode(() => registry.existence(ctx, q('1.0.0', 'nope')), '400012')
    await expectCode(() => registry.existence(ctx, q('1+')), '400001')
  })

  it('accepts an alias as serviceName', async () => {
    const { registry } = setup('servicecomb')
    const sid = await service(registry, { alias: 'basket' })
    expect(registry.existence(ctx, q('1.0.0', 'basket')).serviceId).toBe(sid)
  })

  it('does not default appId', async () => {
    const { registry } = setup('servicecomb')
    await registry.createService(ctx, { service: { serviceName: 'cart', version: '1.0.0' } })
    await expectCode(
      () =>
        registry.existence(ctx, { type: 'microservice', serviceName: 'cart', version: '1.0.0' }),
      '400001',
    )
  })

  it('checks a schema and answers its summary', async () => {
    const { registry } = setup('servicecomb')
    const sid = await service(registry)
    await registry.putSchema(ctx, sid, 'hello', { schema: 'openapi: 3.0.0', summary: 'abc' })
    expect(registry.existence(ctx, { type: 'schema', serviceId: sid, schemaId: 'hello' })).toEqual({
      serviceId: sid,
      schemaId: 'hello',
      summary: 'abc',
    })
    await expectCode(
      () => registry.existence(ctx, { type: 'schema', serviceId: sid, schemaId: 'nope' }),
      '400016',
    )
    await expectCode(
      () => registry.existence(ctx, { type: 'schema', serviceId: 'nope', schemaId: 'hello' }),
      '400012',
    )
  })

  it('rejects any other type with 400001', async () => {
    const { registry } = setup()
    await expectCode(() => registry.existence(ctx, { type: 'instance' }), '400001')
  })
})
