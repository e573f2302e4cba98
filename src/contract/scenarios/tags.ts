import { sameMap, show } from '../framework/results.ts'
import { defineScenario } from '../framework/scenario.ts'

const TAGS = '/v4/{project}/registry/microservices/{serviceId}/tags'
const TAG = '/v4/{project}/registry/microservices/{serviceId}/tags/{key}'

/**
 * Tags: POST replaces the set, PUT changes one existing tag, DELETE is all or nothing.
 * @example
 * createContractRun({ target, scenarios: [tags] })
 */
export const tags = defineScenario({
  name: 'tags',
  operations: ['createService', 'setTags', 'getTags', 'updateTag', 'deleteTags'],
  async run(t) {
    const serviceId = await t.createService({ serviceName: t.name('tagged') })
    const path = { params: { path: t.path({ serviceId }) } }
    type Tags = Record<string, string> | undefined
    const read = async (expected: (tags: Tags) => boolean) =>
      (
        await t.settle(
          () => t.api.GET(TAGS, path),
          (r) => expected(r.data?.tags),
        )
      ).data?.tags
    const set = (body: Record<string, string>) =>
      t.api.POST(TAGS, { ...path, body: { tags: body } })

    t.expectStatus(await set({ team: 'checkout', tier: 'gold' }), 200)
    const first = await t.settle(
      () => t.api.GET(TAGS, path),
      (r) => sameMap(r.data?.tags, { team: 'checkout', tier: 'gold' }),
    )
    if (t.expectStatus(first, 200)) {
      t.check(
        first,
        'returns the tags set',
        sameMap(first.data?.tags, { team: 'checkout', tier: 'gold' }),
        show(first.data),
      )
    }
    const replace = await set({ canary: 'enabled' })
    t.expectStatus(replace, 200)
    const afterReplace = await read((tags) => sameMap(tags, { canary: 'enabled' }))
    t.check(
      replace,
      'tags POST replaces',
      sameMap(afterReplace, { canary: 'enabled' }),
      `after POST {canary} over {team,tier} the tags are ${show(afterReplace)}`,
    )

    const update = await t.api.PUT(TAG, {
      params: { path: t.path({ serviceId, key: 'canary' }), query: { value: 'disabled' } },
    })
    t.expectStatus(update, 200)
    const afterUpdate = await read((tags) => tags?.canary === 'disabled')
    t.check(
      update,
      'tag PUT changes the value',
      afterUpdate?.canary === 'disabled',
      show(afterUpdate),
    )
    t.expectError(
      await t.api.PUT(TAG, {
        params: { path: t.path({ serviceId, key: 'absent' }), query: { value: 'x' } },
      }),
      '400018',
    )

    t.expectStatus(await set({ alpha: 'a', beta: 'b', gamma: 'c' }), 200)
    const partial = await t.api.DELETE(TAG, {
      params: { path: t.path({ serviceId, key: 'alpha,absent' }) },
    })
    t.expectError(partial, '400018')
    const afterPartial = await read((tags) => tags?.alpha === 'a')
    t.check(
      partial,
      'tag DELETE with a missing key deletes nothing',
      afterPartial?.alpha === 'a',
      show(afterPartial),
    )
    const remove = await t.api.DELETE(TAG, {
      params: { path: t.path({ serviceId, key: 'alpha,beta' }) },
    })
    t.expectStatus(remove, 200)
    const afterRemove = await read((tags) => sameMap(tags, { gamma: 'c' }))
    t.check(
      remove,
      'tag DELETE removes the listed keys',
      sameMap(afterRemove, { gamma: 'c' }),
      show(afterRemove),
    )

    const clear = await set({})
    t.expectStatus(clear, 200)
    const empty = await t.settle(
      () => t.api.GET(TAGS, path),
      (r) => Object.keys(r.data?.tags ?? {}).length === 0,
    )
    t.check(
      clear,
      'an empty tag map clears the tags',
      empty.response.status === 200 && Object.keys(empty.data?.tags ?? {}).length === 0,
      show(empty.data),
    )

    t.expectError(await set({ '1bad': 'value' }), '400001')
    // Values follow the same pattern as keys.
    t.expectError(await set({ good: '1' }), '400001')
    const absent = { params: { path: t.path({ serviceId: t.ledger.reserve('absent') }) } }
    t.expectError(await t.api.POST(TAGS, { ...absent, body: { tags: { team: 'x' } } }), '400012')
    t.expectError(await t.api.GET(TAGS, absent), '400012')
  },
})
