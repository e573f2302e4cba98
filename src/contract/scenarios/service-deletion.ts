import { errorCodeOf, show } from '../framework/results.ts'
import { defineScenario, type ScenarioContext } from '../framework/scenario.ts'

const SERVICES = '/v4/{project}/registry/microservices'
const SERVICE = '/v4/{project}/registry/microservices/{serviceId}'

/**
 * Deleting one service and several: the guards (instances, consumers), force, batch results.
 * @example
 * createContractRun({ target, scenarios: [serviceDeletion] })
 */
export const serviceDeletion = defineScenario({
  name: 'microservice deletion',
  operations: [
    'createService',
    'registerInstance',
    'deleteService',
    'getService',
    'deleteServices',
  ],
  async run(t) {
    const busy = await t.createService({ serviceName: t.name('busy') })
    await t.registerInstance(busy)
    const path = { params: { path: t.path({ serviceId: busy }) } }
    t.expectError(await t.api.DELETE(SERVICE, path), '400013')
    t.expectError(
      await t.api.DELETE(SERVICE, {
        params: { ...path.params, query: { force: 'maybe' as 'true' } },
      }),
      '400001',
    )
    t.expectStatus(
      await t.api.DELETE(SERVICE, { params: { ...path.params, query: { force: 'true' } } }),
      200,
    )
    const gone = await readGone(t, busy)
    t.check(
      gone,
      'a deleted service is gone (400012)',
      errorCodeOf(gone) === '400012',
      `got ${gone.response.status}`,
    )
    t.expectError(
      await t.api.DELETE(SERVICE, {
        params: { path: t.path({ serviceId: t.ledger.reserve('absent') }) },
      }),
      '400012',
    )

    const first = await t.createService({ serviceName: t.name('batch') })
    const second = await t.createService({ serviceName: t.name('batch') })
    const batch = await t.api.DELETE(SERVICES, {
      params: { path: t.path({}) },
      body: { serviceIds: [first, second], force: false },
    })
    if (t.expectStatus(batch, 200)) {
      const entries = typeof batch.data === 'object' ? batch.data.services : undefined
      // Empty body (cse) or one entry per service without errMessage (servicecomb).
      const clean =
        entries === undefined || (entries.length === 2 && entries.every((e) => !e.errMessage))
      t.check(batch, 'batch delete reports every service deleted', clean, show(batch.data))
    }
    for (const serviceId of [first, second]) {
      const left = await readGone(t, serviceId)
      t.check(
        batch,
        'batch delete removes the services',
        errorCodeOf(left) === '400012',
        `${serviceId} answered ${left.response.status}`,
      )
    }
    t.expectError(
      await t.api.DELETE(SERVICES, { params: { path: t.path({}) }, body: { serviceIds: [] } }),
      '400001',
    )
  },
})

/**
 * Reads a service expected to be gone. `noCache=1` is not declared for this operation, but the
 * registry honours it on every read, and a cached read may show a deleted service for minutes.
 */
function readGone(t: ScenarioContext, serviceId: string) {
  return t.settle(
    () =>
      t.api.GET(SERVICE, {
        params: { path: t.path({ serviceId }), query: { noCache: '1' } as never },
      }),
    (r) => errorCodeOf(r) === '400012',
  )
}
