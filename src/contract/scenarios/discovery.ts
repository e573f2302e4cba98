import { errorCodeOf, show } from '../framework/results.ts'
import { defineScenario } from '../framework/scenario.ts'

const FIND = '/v4/{project}/registry/instances'
const INSTANCE = '/v4/{project}/registry/microservices/{serviceId}/instances/{instanceId}'

/**
 * Discovery by name with revisions and tags, then the same through batch find.
 * @example
 * createContractRun({ target, scenarios: [discovery] })
 */
export const discovery = defineScenario({
  name: 'discovery',
  operations: ['createService', 'registerInstance', 'findInstances', 'batchFindInstances'],
  async run(t) {
    const serviceName = t.name('catalog')
    const serviceId = await t.createService({ serviceName })
    const ids = [await t.registerInstance(serviceId), await t.registerInstance(serviceId)]
    // `0+` is a rule matching every version, so the query means the same in both profiles.
    const query = { appId: t.ledger.appId, serviceName, env: 'development', version: '0+' }
    const key = { environment: 'development', appId: t.ledger.appId, serviceName, version: '0+' }

    const found = await t.settle(
      () => t.api.GET(FIND, { params: { path: t.path({}), query } }),
      (r) => (r.data?.instances ?? []).length === 2,
    )
    if (t.expectStatus(found, 200)) {
      const seen = (found.data?.instances ?? []).map((i) => i.instanceId)
      t.check(
        found,
        'finds every instance of the provider',
        ids.every((id) => seen.includes(id)),
        show(seen),
      )
    }
    const rev = t.need(
      found.response.headers.get('x-resource-revision'),
      'no revision to send back',
    )
    t.expectStatus(
      await t.api.GET(FIND, { params: { path: t.path({}), query: { ...query, rev } } }),
      304,
    )
    const tagged = await t.api.GET(FIND, {
      params: { path: t.path({}), query: { ...query, tags: 'absentTag' } },
    })
    if (t.expectStatus(tagged, 200)) {
      t.check(
        tagged,
        'a tag filter the provider lacks leaves no instances',
        (tagged.data?.instances ?? []).length === 0,
        show(tagged.data),
      )
    }
    t.expectError(
      await t.api.GET(FIND, {
        params: { path: t.path({}), query: { ...query, serviceName: t.name('nobody') } },
      }),
      '400012',
    )
    t.expectError(
      await t.api.GET(FIND, { params: { path: t.path({}), query: { ...query, appId: '' } } }),
      '400001',
    )

    const batch = await t.api.POST('/v4/{project}/registry/instances/action', {
      params: { path: t.path({}), query: { type: 'query' } },
      body: {
        services: [
          { service: key, rev: '0' },
          { service: key, rev },
          { service: { ...key, serviceName: t.name('nobody') } },
        ],
        instances: [
          { instance: { serviceId, instanceId: ids[0]! } },
          { instance: { serviceId, instanceId: 'missing0instance' } },
        ],
      },
    })
    if (t.expectStatus(batch, 200)) {
      const s = batch.data?.services
      const i = batch.data?.instances
      t.check(
        batch,
        'batch find: a stale rev is updated',
        s?.updated?.[0]?.index === 0 &&
          s.updated[0].rev === rev &&
          (s.updated[0].instances?.length ?? 0) === 2,
        show(s?.updated),
      )
      t.check(
        batch,
        'batch find: the current rev is not modified',
        s?.notModified?.includes(1) === true,
        show(s?.notModified),
      )
      t.check(
        batch,
        'batch find: an unknown provider fails with 400012',
        s?.failed?.some((f) => f.indexes.includes(2) && f.error.errorCode === '400012') === true,
        show(s?.failed),
      )
      t.check(
        batch,
        'batch find: a known instance is returned',
        i?.updated?.[0]?.instances?.[0]?.instanceId === ids[0],
        show(i?.updated),
      )
      t.check(
        batch,
        'batch find: an unknown instance fails with 400017',
        i?.failed?.some((f) => f.indexes.includes(1) && f.error.errorCode === '400017') === true,
        show(i?.failed),
      )
    }
    const badType = await t.api.POST('/v4/{project}/registry/instances/action', {
      params: { path: t.path({}), query: { type: 'delete' as 'query' } },
      body: { instances: [{ instance: { serviceId, instanceId: ids[0]! } }] },
    })
    t.expectError(badType, '400001')
    const empty = await t.api.POST('/v4/{project}/registry/instances/action', {
      params: { path: t.path({}), query: { type: 'query' } },
      body: {},
    })
    t.expectError(empty, '400001')
  },
})

/**
 * Batch heartbeats and the status change by property match.
 * @example
 * createContractRun({ target, scenarios: [batchInstanceUpdates] })
 */
export const batchInstanceUpdates = defineScenario({
  name: 'batch heartbeats and status',
  operations: [
    'createService',
    'registerInstance',
    'heartbeats',
    'updateInstancesStatus',
    'getInstance',
  ],
  async run(t) {
    const serviceId = await t.createService({ serviceName: t.name('fleet') })
    const marker = { cseMockContractRun: t.ledger.runId }
    const ids = [
      await t.registerInstance(serviceId, { properties: marker }),
      await t.registerInstance(serviceId, { properties: marker }),
    ]
    const beats = await t.api.PUT('/v4/{project}/registry/heartbeats', {
      params: { path: t.path({}) },
      body: { instances: ids.map((instanceId) => ({ serviceId, instanceId })) },
    })
    if (t.expectStatus(beats, 200)) {
      const entries = typeof beats.data === 'object' ? beats.data.instances : undefined
      // Empty body (cse) or one entry per instance without errMessage (servicecomb).
      const clean =
        entries === undefined || (entries.length === 2 && entries.every((e) => !e.errMessage))
      t.check(beats, 'batch heartbeat renews every instance', clean, show(beats.data))
    }
    t.expectError(
      await t.api.PUT('/v4/{project}/registry/heartbeats', {
        params: { path: t.path({}) },
        body: { instances: [] },
      }),
      '400001',
    )

    const setStatus = () =>
      t.api.PUT('/v4/{project}/registry/instances/status', {
        params: { path: t.path({}) },
        body: { matches: { properties: marker }, status: 'OUTOFSERVICE' },
      })
    const status = await setStatus()
    if (t.expectStatus(status, 200)) {
      const readAll = () =>
        Promise.all(
          ids.map((instanceId) =>
            t.api.GET(INSTANCE, { params: { path: t.path({ serviceId, instanceId }) } }),
          ),
        )
      // Service Center matches the properties against its instance cache, which may not hold
      // instances registered a moment ago: the change then answers 200 and skips them. It is
      // idempotent, so it is sent again before each further read.
      let reads = 0
      const got = await t.settle(
        async () => {
          if (reads++ > 0) await setStatus()
          return readAll()
        },
        (all) => all.every((r) => r.data?.instance?.status === 'OUTOFSERVICE'),
      )
      got.forEach((r, index) => {
        t.check(
          status,
          'status by properties changes every match',
          r.data?.instance?.status === 'OUTOFSERVICE',
          `${ids[index]}: ${show(r.data?.instance?.status ?? errorCodeOf(r))}`,
        )
      })
    }
  },
})
