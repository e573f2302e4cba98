import { show } from '../framework/results.ts'
import { defineScenario } from '../framework/scenario.ts'

/**
 * The last step of every run: no service of the run's application is left in the registry.
 * `noCache=1` (honoured by the registry on every read) avoids a cache that still shows
 * deleted services.
 * @example
 * await leftovers.run(t)
 */
export const leftovers = defineScenario({
  name: 'nothing left behind',
  operations: ['listServices'],
  async run(t) {
    const read = () =>
      t.api.GET('/v4/{project}/registry/microservices', {
        params: { path: t.path({}), query: { noCache: '1' } as never },
      })
    const mine = (result: Awaited<ReturnType<typeof read>>) =>
      (result.data?.services ?? []).filter((s) => t.ledger.ownsApp(s.appId))
    const result = await t.settle(read, (r) => mine(r).length === 0)
    if (t.expectStatus(result, 200)) {
      const left = mine(result).map((s) => s.serviceId)
      t.check(result, 'no service of the run application is left', left.length === 0, show(left))
    }
  },
})
