import { describe, expect, it } from 'vitest'
import { createRegistry } from '../../src/registry/index.ts'
import { ctx, expectCode, service, setup } from './helpers.ts'

describe('tags', () => {
  it('replaces the whole tag set on POST', async () => {
    const { registry } = setup()
    const sid = await service(registry)
    await registry.setTags(ctx, sid, { a: '1', b: '2' })
    await registry.setTags(ctx, sid, { c: '3' })
    expect(registry.getTags(ctx, sid)).toEqual({ tags: { c: '3' } })
    await registry.setTags(ctx, sid, {})
    expect(registry.getTags(ctx, sid)).toEqual({})
  })

  it('updates the value of an existing tag', async () => {
    const { registry } = setup()
    const sid = await service(registry)
    await registry.setTags(ctx, sid, { a: '1' })
    await registry.updateTag(ctx, sid, 'a', '2')
    expect(registry.getTags(ctx, sid).tags).toEqual({ a: '2' })
  })

  it('answers 400018 when updating a missing tag', async () => {
    const { registry } = setup()
    const sid = await service(registry)
    await expectCode(() => registry.updateTag(ctx, sid, 'a', '1'), '400018')
  })

  it('deletes nothing and answers 400018 when one key is missing', async () => {
    const { registry } = setup()
    const sid = await service(registry)
    await registry.setTags(ctx, sid, { a: '1', b: '2' })
    await expectCode(() => registry.deleteTags(ctx, sid, ['a', 'x']), '400018')
    expect(registry.getTags(ctx, sid).tags).toEqual({ a: '1', b: '2' })
    await registry.deleteTags(ctx, sid, ['a', 'b'])
    expect(registry.getTags(ctx, sid)).toEqual({})
  })

  it('answers 400012 for an unknown service', async () => {
    const { registry } = setup()
    await expectCode(() => registry.setTags(ctx, 'nope', { a: '1' }), '400012')
  })

  it('answers 400100 beyond the tag quota', async () => {
    const registry = createRegistry({ quotas: { tags: 1 } })
    const sid = await service(registry)
    await expectCode(() => registry.setTags(ctx, sid, { a: '1', b: '2' }), '400100')
  })
})
