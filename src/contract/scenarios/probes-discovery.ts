import { defineProbe } from '../framework/profile.ts'
import { errorCodeOf, show } from '../framework/results.ts'
import type { ScenarioContext } from '../framework/scenario.ts'

/** Two versions of one provider, one instance each. */
async function twoVersions(t: ScenarioContext, label: string) {
  const serviceName = t.name(label)
  const v1 = await t.createService({ serviceName, version: '1.0.0' })
  const v2 = await t.createService({ serviceName, version: '2.0.0' })
  await t.registerInstance(v1)
  await t.registerInstance(v2)
  return { serviceName, v1, v2 }
}

/**
 * Discovery with version=1.0.0: only that version (cse) or every version (servicecomb).
 * @example
 * createContractRun({ target, scenarios: [], probes: [versionRules] })
 */
export const versionRules = defineProbe({
  key: 'versionRules',
  operations: ['createService', 'registerInstance', 'findInstances'],
  async run(t) {
    const { serviceName, v1 } = await twoVersions(t, 'versions')
    const find = (version: string) =>
      t.api.GET('/v4/{project}/registry/instances', {
        params: {
          path: t.path({}),
          query: { appId: t.ledger.appId, serviceName, version, env: 'development' },
        },
      })
    // Both versions must be visible first, or a lagging cache would look like a version rule.
    await t.settle(
      () => find('0+'),
      (r) => (r.data?.instances ?? []).length === 2,
    )
    const found = await find('1.0.0')
    const owners = (found.data?.instances ?? []).map((i) => i.serviceId)
    const evidence = `version=1.0.0 over versions 1.0.0 and 2.0.0 found instances of ${owners.length} service(s)`
    if (owners.length === 1 && owners[0] === v1) return { observed: 'cse', evidence }
    if (owners.length === 2) return { observed: 'servicecomb', evidence }
    return { observed: 'neither', evidence: `${evidence} (${found.response.status})` }
  },
})

/**
 * The dependency a discovery with version=1.0.0 records: that version (cse) or all (servicecomb).
 * @example
 * createContractRun({ target, scenarios: [], probes: [dependencyVersion] })
 */
export const dependencyVersion = defineProbe({
  key: 'dependencyVersion',
  operations: ['createService', 'registerInstance', 'findInstances', 'listProviders'],
  async run(t) {
    const { serviceName } = await twoVersions(t, 'depversions')
    const consumer = await t.createService({ serviceName: t.name('depconsumer') })
    await t.api.GET('/v4/{project}/registry/instances', {
      params: {
        path: t.path({}),
        query: { appId: t.ledger.appId, serviceName, version: '1.0.0' },
        header: { 'X-ConsumerId': consumer },
      },
    })
    // The registry records dependencies asynchronously, so the listing may lag.
    const listed = await t.settle(
      () =>
        t.api.GET('/v4/{project}/registry/microservices/{consumerId}/providers', {
          params: { path: t.path({ consumerId: consumer }) },
        }),
      (r) => (r.data?.providers ?? []).length > 0,
    )
    const versions = (listed.data?.providers ?? []).map((p) => p.version).sort()
    const evidence = `after discovering version=1.0.0 the consumer's providers are ${show(versions)}`
    if (show(versions) === show(['1.0.0'])) return { observed: 'cse', evidence }
    if (show(versions) === show(['1.0.0', '2.0.0'])) return { observed: 'servicecomb', evidence }
    return { observed: 'neither', evidence }
  },
})

/**
 * A batch heartbeat with one unknown instance: one 400017 (cse) or a per-instance list.
 * @example
 * createContractRun({ target, scenarios: [], probes: [batchHeartbeatResponse] })
 */
export const batchHeartbeatResponse = defineProbe({
  key: 'batchHeartbeatResponse',
  operations: ['createService', 'registerInstance', 'heartbeats'],
  async run(t) {
    const serviceId = await t.createService({ serviceName: t.name('beats') })
    const instanceId = await t.registerInstance(serviceId)
    const result = await t.api.PUT('/v4/{project}/registry/heartbeats', {
      params: { path: t.path({}) },
      body: {
        instances: [
          { serviceId, instanceId },
          { serviceId, instanceId: 'missing0instance' },
        ],
      },
    })
    const entries = typeof result.data === 'object' ? result.data.instances : undefined
    const evidence = `one live and one unknown instance answered ${result.response.status} ${show(result.data ?? result.error)}`
    if (result.response.status === 400 && errorCodeOf(result) === '400017')
      return { observed: 'cse', evidence }
    const failedOnlyMissing =
      entries?.length === 2 &&
      entries.every((e) => (e.instanceId === 'missing0instance') === Boolean(e.errMessage))
    if (result.response.status === 200 && failedOnlyMissing)
      return { observed: 'servicecomb', evidence }
    return { observed: 'neither', evidence }
  },
})
