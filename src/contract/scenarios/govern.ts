import { show } from '../framework/results.ts'
import { defineScenario } from '../framework/scenario.ts'

const GOVERN = '/v4/{project}/govern'

/**
 * The governance views: apps, services with details, one service, the relation graph and the
 * counts, on a provider with a tag, a contract and an instance, and a consumer that found it.
 * Reads are limited to the run's own appId, so other services on the target do not matter.
 * @example
 * createContractRun({ target, scenarios: [govern] })
 */
export const govern = defineScenario({
  name: 'govern',
  operations: [
    'createService',
    'setTags',
    'putSchema',
    'registerInstance',
    'findInstances',
    'listApps',
    'listServiceDetails',
    'getServiceDetail',
    'getRelations',
    'getStatistics',
  ],
  async run(t) {
    const appId = t.ledger.appId
    const providerName = t.name('gov-provider')
    const provider = await t.createService({ serviceName: providerName, schemas: ['hello'] })
    const consumer = await t.createService({ serviceName: t.name('gov-consumer') })
    const at = { params: { path: t.path({ serviceId: provider }) } }
    t.expectStatus(
      await t.api.POST('/v4/{project}/registry/microservices/{serviceId}/tags', {
        ...at,
        body: { tags: { team: 'gov' } },
      }),
      200,
    )
    t.expectStatus(
      await t.api.PUT('/v4/{project}/registry/microservices/{serviceId}/schemas/{schemaId}', {
        params: { path: t.path({ serviceId: provider, schemaId: 'hello' }) },
        body: { schema: 'openapi: 3.0.1', summary: 'gov' },
      }),
      200,
    )
    const instanceId = await t.registerInstance(provider)
    await t.settle(
      () =>
        t.api.GET('/v4/{project}/registry/instances', {
          params: {
            path: t.path({}),
            query: { appId, serviceName: providerName, version: '0+' },
            header: { 'X-ConsumerId': consumer },
          },
        }),
      (r) => (r.data?.instances ?? []).length === 1,
    )

    const apps = await t.settle(
      () =>
        t.api.GET(`${GOVERN}/apps`, {
          params: { path: t.path({}), query: { env: 'development' } },
        }),
      (r) => (r.data?.appIds ?? []).includes(appId),
    )
    if (t.expectStatus(apps, 200)) {
      t.check(
        apps,
        'lists the appId of the run',
        (apps.data?.appIds ?? []).includes(appId),
        show(apps.data),
      )
    }
    t.expectError(
      await t.api.GET(`${GOVERN}/apps`, {
        params: { path: t.path({}), query: { env: 'nowhere' } },
      }),
      '400001',
    )

    const list = await t.settle(
      () =>
        t.api.GET(`${GOVERN}/microservices`, {
          params: {
            path: t.path({}),
            query: { appId, options: 'tags,instances,schemas,dependencies' },
          },
        }),
      (r) => {
        // Service Center answers these from its caches, which take a moment to fill.
        const mine = r.data?.allServicesDetail?.find((d) => d.microService?.serviceId === provider)
        return (
          (mine?.consumers ?? []).some((c) => c.serviceId === consumer) &&
          (mine?.instances ?? []).length > 0
        )
      },
    )
    if (t.expectStatus(list, 200)) {
      const details = list.data?.allServicesDetail ?? []
      const mine = details.find((d) => d.microService?.serviceId === provider)
      t.check(
        list,
        'lists only the services of the appId asked for',
        details.length === 2,
        show(details.map((d) => d.microService?.serviceName)),
      )
      t.check(list, 'gives the tags asked for', mine?.tags?.team === 'gov', show(mine?.tags))
      t.check(
        list,
        'gives the instances asked for',
        (mine?.instances ?? []).some((i) => i.instanceId === instanceId),
        show(mine?.instances),
      )
      t.check(
        list,
        'gives the contracts with their text',
        mine?.schemaInfos?.[0]?.schema === 'openapi: 3.0.1',
        show(mine?.schemaInfos),
      )
      t.check(
        list,
        'gives the consumers recorded by discovery',
        (mine?.consumers ?? []).some((c) => c.serviceId === consumer),
        show(mine?.consumers),
      )
    }
    t.expectError(
      await t.api.GET(`${GOVERN}/microservices`, {
        params: { path: t.path({}), query: { countOnly: '2' } },
      }),
      '400001',
    )

    const detail = await t.settle(
      () => t.api.GET(`${GOVERN}/microservices/{serviceId}`, at),
      (r) => (r.data?.service?.instances ?? []).length === 1,
    )
    if (t.expectStatus(detail, 200)) {
      const service = detail.data?.service
      t.check(
        detail,
        'gives the versions of the name',
        show(service?.microServiceVersions) === show(['1.0.0']),
        show(service?.microServiceVersions),
      )
      t.check(
        detail,
        'gives the instances',
        service?.instances?.[0]?.instanceId === instanceId,
        show(service?.instances),
      )
    }
    t.expectError(
      await t.api.GET(`${GOVERN}/microservices/{serviceId}`, {
        params: { path: t.path({ serviceId: `${appId}-nosuchservice` }) },
      }),
      '400012',
    )

    const graph = await t.settle(
      () => t.api.GET(`${GOVERN}/relations`, { params: { path: t.path({}) } }),
      (r) => (r.data?.lines ?? []).some((l) => l.from.id === consumer && l.to.id === provider),
    )
    if (t.expectStatus(graph, 200)) {
      t.check(
        graph,
        'draws a line from the consumer to the provider',
        (graph.data?.lines ?? []).some((l) => l.from.id === consumer && l.to.id === provider),
        show(graph.data?.lines?.length),
      )
    }

    const stats = await t.api.GET(`${GOVERN}/statistics`, { params: { path: t.path({}) } })
    if (t.expectStatus(stats, 200)) {
      const counts = stats.data?.statistics
      t.check(
        stats,
        'counts at least the two services and the instance of the run',
        (counts?.services?.count ?? 0) >= 2 && (counts?.instances?.count ?? 0) >= 1,
        show(counts),
      )
    }
  },
})
