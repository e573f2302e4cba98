import { defineProbe } from '../framework/profile.ts'
import { errorCodeOf, show } from '../framework/results.ts'

const INSTANCES = '/v4/{project}/registry/microservices/{serviceId}/instances'
const INSTANCE = '/v4/{project}/registry/microservices/{serviceId}/instances/{instanceId}'

/**
 * Re-registering a live instance under its own id: overwrite (cse) or renew only (servicecomb).
 * @example
 * createContractRun({ target, scenarios: [], probes: [reRegisterLiveInstance] })
 */
export const reRegisterLiveInstance = defineProbe({
  key: 'reRegisterLiveInstance',
  operations: ['createService', 'registerInstance', 'getInstance'],
  async run(t) {
    const serviceId = await t.createService({ serviceName: t.name('reregister') })
    const instanceId = `contract-${t.ledger.runId}`
    const endpoints = [t.endpoint()]
    await t.registerInstance(serviceId, { instanceId, endpoints, properties: { round: 'first' } })
    const again = await t.registerInstance(serviceId, {
      instanceId,
      endpoints,
      properties: { round: 'second' },
    })
    // An overwrite may take a moment to show on a live registry; renew-only never shows it.
    const got = await t.settle(
      () => t.api.GET(INSTANCE, { params: { path: t.path({ serviceId, instanceId }) } }),
      (r) => r.data?.instance?.properties?.round === 'second',
    )
    const round = got.data?.instance?.properties?.round
    const evidence = `re-registration answered ${show(again)}, the instance now has round=${show(round)}`
    if (again !== instanceId) return { observed: 'neither', evidence }
    if (round === 'second') return { observed: 'cse', evidence }
    if (round === 'first') return { observed: 'servicecomb', evidence }
    return { observed: 'neither', evidence }
  },
})

/**
 * Registering twice without an id and with the same endpoints: same id (cse) or a new one.
 * @example
 * createContractRun({ target, scenarios: [], probes: [duplicateEndpoints] })
 */
export const duplicateEndpoints = defineProbe({
  key: 'duplicateEndpoints',
  operations: ['createService', 'registerInstance'],
  async run(t) {
    const serviceId = await t.createService({ serviceName: t.name('duplicate') })
    const endpoints = [t.endpoint()]
    const first = await t.registerInstance(serviceId, { endpoints })
    const second = await t.registerInstance(serviceId, { endpoints })
    const evidence = `the two registrations answered ${first} and ${second}`
    return { observed: first === second ? 'cse' : 'servicecomb', evidence }
  },
})

/**
 * Push-mode interval 3 s × 1: kept (cse) or raised to 5 s × 3 (servicecomb).
 * @example
 * createContractRun({ target, scenarios: [], probes: [heartbeatMinimum] })
 */
export const heartbeatMinimum = defineProbe({
  key: 'heartbeatMinimum',
  operations: ['createService', 'registerInstance', 'getInstance'],
  async run(t) {
    const serviceId = await t.createService({ serviceName: t.name('clamp') })
    // A 6 s lease in the cse profile: long enough to read it back right away.
    const instanceId = await t.registerInstance(serviceId, {
      healthCheck: { mode: 'push', interval: 3, times: 1 },
    })
    const got = await t.settle(
      () => t.api.GET(INSTANCE, { params: { path: t.path({ serviceId, instanceId }) } }),
      (r) => r.response.status === 200,
    )
    const hc = got.data?.instance?.healthCheck
    const evidence = `registered interval 3 / times 1, stored ${show(hc)}`
    if (hc?.interval === 3 && hc.times === 1) return { observed: 'cse', evidence }
    if (hc?.interval === 5 && hc.times === 3) return { observed: 'servicecomb', evidence }
    return { observed: 'neither', evidence }
  },
})

/**
 * An instance without endpoints: refused with 400001 (cse) or registered (servicecomb).
 * @example
 * createContractRun({ target, scenarios: [], probes: [endpointsRequired] })
 */
export const endpointsRequired = defineProbe({
  key: 'endpointsRequired',
  operations: ['createService', 'registerInstance'],
  async run(t) {
    const serviceId = await t.createService({ serviceName: t.name('noendpoints') })
    const result = await t.api.POST(INSTANCES, {
      params: { path: t.path({ serviceId }) },
      body: { instance: { hostName: 'contract-host' } },
    })
    const evidence = `a registration without endpoints answered ${result.response.status} ${show(result.data ?? errorCodeOf(result))}`
    if (errorCodeOf(result) === '400001') return { observed: 'cse', evidence }
    if (result.response.status === 200 && result.data?.instanceId)
      return { observed: 'servicecomb', evidence }
    return { observed: 'neither', evidence }
  },
})
