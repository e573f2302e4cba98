import { defineProbe } from '../framework/profile.ts'
import { errorCodeOf, show } from '../framework/results.ts'

/**
 * A service created without environment: stored as development (cse) or empty (servicecomb).
 * @example
 * createContractRun({ target, scenarios: [], probes: [defaultEnvironment] })
 */
export const defaultEnvironment = defineProbe({
  key: 'defaultEnvironment',
  operations: ['createService', 'getService'],
  async run(t) {
    const created = await t.api.POST('/v4/{project}/registry/microservices', {
      params: { path: t.path({}) },
      body: {
        service: {
          appId: t.ledger.appId,
          serviceName: t.name('noenv'),
          version: '1.0.0',
        },
      },
    })
    const serviceId = t.need(created.data?.serviceId, 'the service was not created')
    const got = await t.settle(
      () =>
        t.api.GET('/v4/{project}/registry/microservices/{serviceId}', {
          params: { path: t.path({ serviceId }) },
        }),
      (r) => r.response.status === 200,
    )
    const environment = got.data?.service?.environment
    const evidence = `a service created without environment reads back ${show(environment)}`
    if (environment === 'development') return { observed: 'cse', evidence }
    if (got.response.status === 200 && (environment ?? '') === '')
      return { observed: 'servicecomb', evidence }
    return { observed: 'neither', evidence }
  },
})

/**
 * A new contract id on a production service that declares others: 400014 (cse) or accepted.
 * @example
 * createContractRun({ target, scenarios: [], probes: [restrictSchemaEdits] })
 */
export const restrictSchemaEdits = defineProbe({
  key: 'restrictSchemaEdits',
  operations: ['createService', 'putSchema'],
  async run(t) {
    const serviceId = await t.createService({
      serviceName: t.name('prod'),
      environment: 'production',
      schemas: ['declared'],
    })
    const result = await t.api.PUT(
      '/v4/{project}/registry/microservices/{serviceId}/schemas/{schemaId}',
      {
        params: { path: t.path({ serviceId, schemaId: 'undeclared' }) },
        body: { schema: 'openapi: 3.0.1', summary: 'probe' },
      },
    )
    const evidence = `an undeclared contract on a production service answered ${result.response.status} ${show(errorCodeOf(result) ?? '')}`
    if (errorCodeOf(result) === '400014') return { observed: 'cse', evidence }
    if (result.response.status === 200) return { observed: 'servicecomb', evidence }
    return { observed: 'neither', evidence }
  },
})

/**
 * A batch delete where one service still has an instance: one 400001 (cse) or a per-service list.
 * @example
 * createContractRun({ target, scenarios: [], probes: [batchDeleteResponse] })
 */
export const batchDeleteResponse = defineProbe({
  key: 'batchDeleteResponse',
  operations: ['createService', 'registerInstance', 'deleteServices'],
  async run(t) {
    const idle = await t.createService({ serviceName: t.name('idle') })
    const busy = await t.createService({ serviceName: t.name('busy') })
    await t.registerInstance(busy)
    const result = await t.api.DELETE('/v4/{project}/registry/microservices', {
      params: { path: t.path({}) },
      body: { serviceIds: [idle, busy], force: false },
    })
    const entries = typeof result.data === 'object' ? result.data.services : undefined
    const evidence = `deleting an idle and a busy service answered ${result.response.status} ${show(result.data ?? result.error)}`
    if (result.response.status === 400 && errorCodeOf(result) === '400001')
      return { observed: 'cse', evidence }
    const failedOnlyBusy =
      entries?.length === 2 &&
      entries.every((e) => (e.serviceId === busy) === Boolean(e.errMessage))
    if (result.response.status === 200 && failedOnlyBusy)
      return { observed: 'servicecomb', evidence }
    return { observed: 'neither', evidence }
  },
})
