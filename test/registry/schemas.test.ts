import { describe, expect, it } from 'vitest'
import { ctx, expectCode, service, setup } from './helpers.ts'

describe('schemas', () => {
  it('stores a schema, declares its id and reads it back', async () => {
    const { registry } = setup('servicecomb')
    const sid = await service(registry)
    await registry.putSchema(ctx, sid, 'hello', { schema: 'openapi: 3.0.0', summary: 'abc' })
    expect(registry.getSchema(ctx, sid, 'hello')).toEqual({
      schema: 'openapi: 3.0.0',
      summary: 'abc',
    })
    expect(registry.getService(ctx, sid).service.schemas).toEqual(['hello'])
    expect(registry.listSchemas(ctx, sid, false)).toEqual({
      schemas: [{ schemaId: 'hello', summary: 'abc' }],
    })
    expect(registry.listSchemas(ctx, sid, true).schemas?.[0]?.schema).toBe('openapi: 3.0.0')
  })

  it('lists declared ids without content by id only', async () => {
    const { registry } = setup('servicecomb')
    const sid = await service(registry, { schemas: ['declared'] })
    expect(registry.listSchemas(ctx, sid, true)).toEqual({ schemas: [{ schemaId: 'declared' }] })
    await expectCode(() => registry.getSchema(ctx, sid, 'declared'), '400016')
  })

  it('replaces the schema set on POST', async () => {
    const { registry } = setup('servicecomb')
    const sid = await service(registry)
    await registry.putSchema(ctx, sid, 'old', { schema: 'x', summary: 's1' })
    await registry.putSchemas(ctx, sid, [{ schemaId: 'new', schema: 'y', summary: 's2' }])
    expect(registry.listSchemas(ctx, sid, false)).toEqual({
      schemas: [{ schemaId: 'new', summary: 's2' }],
    })
    await expectCode(() => registry.getSchema(ctx, sid, 'old'), '400016')
  })

  it('rejects a batch with duplicate ids or a missing summary with 400001', async () => {
    const { registry } = setup('servicecomb')
    const sid = await service(registry)
    await expectCode(
      () => registry.putSchemas(ctx, sid, [{ schemaId: 'a', schema: 'x' }]),
      '400001',
    )
    await expectCode(
      () =>
        registry.putSchemas(ctx, sid, [
          { schemaId: 'a', schema: 'x', summary: '1' },
          { schemaId: 'a', schema: 'y', summary: '2' },
        ]),
      '400001',
    )
  })

  it('deletes a schema and answers 400016 for a missing one', async () => {
    const { registry } = setup('servicecomb')
    const sid = await service(registry)
    await registry.putSchema(ctx, sid, 'hello', { schema: 'x' })
    await registry.deleteSchema(ctx, sid, 'hello')
    // The id stays declared, as Service Center 2.2 keeps it.
    expect(registry.listSchemas(ctx, sid, false)).toEqual({ schemas: [{ schemaId: 'hello' }] })
    await expectCode(() => registry.deleteSchema(ctx, sid, 'hello'), '400016')
  })

  it('answers 400014 for an undeclared id on a production service in the cse profile', async () => {
    const { registry } = setup('cse')
    const sid = await service(registry, { environment: 'production', schemas: ['a'] })
    await expectCode(
      () => registry.putSchema(ctx, sid, 'b', { schema: 'x', summary: 's' }),
      '400014',
    )
    await expectCode(
      () => registry.putSchemas(ctx, sid, [{ schemaId: 'b', schema: 'x', summary: 's' }]),
      '400014',
    )
  })

  it('answers 400015 when overwriting a summarised schema on a production service in the cse profile', async () => {
    const { registry } = setup('cse')
    const sid = await service(registry, { environment: 'production', schemas: ['a'] })
    await registry.putSchema(ctx, sid, 'a', { schema: 'x', summary: 's' })
    await expectCode(
      () => registry.putSchema(ctx, sid, 'a', { schema: 'y', summary: 't' }),
      '400015',
    )
    expect(registry.getSchema(ctx, sid, 'a').schema).toBe('x')
  })

  it('answers 400015 when overwriting without a summary on a production service in the cse profile', async () => {
    const { registry } = setup('cse')
    const sid = await service(registry, { environment: 'production' })
    await registry.putSchema(ctx, sid, 'a', { schema: 'x' })
    await expectCode(() => registry.putSchema(ctx, sid, 'a', { schema: 'y' }), '400015')
    await registry.putSchema(ctx, sid, 'a', { schema: 'y', summary: 's' })
    expect(registry.getSchema(ctx, sid, 'a')).toEqual({ schema: 'y', summary: 's' })
  })

  it('skips summarised schemas silently in a batch on a production service in the cse profile', async () => {
    const { registry } = setup('cse')
    const sid = await service(registry, { environment: 'production', schemas: ['a', 'b'] })
    await registry.putSchema(ctx, sid, 'a', { schema: 'x', summary: 's' })
    await registry.putSchemas(ctx, sid, [
      { schemaId: 'a', schema: 'changed', summary: 't' },
      { schemaId: 'b', schema: 'new', summary: 'u' },
    ])
    expect(registry.getSchema(ctx, sid, 'a').schema).toBe('x')
    expect(registry.getSchema(ctx, sid, 'b').schema).toBe('new')
  })

  it('lets a development service change its schemas in the cse profile', async () => {
    const { registry } = setup('cse')
    const sid = await service(registry, { schemas: ['a'] })
    await registry.putSchema(ctx, sid, 'a', { schema: 'x', summary: 's' })
    await registry.putSchema(ctx, sid, 'a', { schema: 'y', summary: 't' })
    await registry.putSchema(ctx, sid, 'b', { schema: 'z', summary: 'u' })
    expect(registry.getService(ctx, sid).service.schemas).toEqual(['a', 'b'])
  })

  it('lets a production service change its schemas in the servicecomb profile', async () => {
    const { registry } = setup('servicecomb')
    const sid = await service(registry, { environment: 'production', schemas: ['a'] })
    await registry.putSchema(ctx, sid, 'a', { schema: 'x', summary: 's' })
    await registry.putSchema(ctx, sid, 'a', { schema: 'y', summary: 't' })
    await registry.putSchema(ctx, sid, 'b', { schema: 'z' })
    expect(registry.getSchema(ctx, sid, 'a').schema).toBe('y')
  })
})
