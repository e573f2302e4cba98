import { show } from '../framework/results.ts'
import { defineScenario } from '../framework/scenario.ts'

const SERVICE = '/v4/{project}/registry/microservices/{serviceId}'
const PROVIDERS = '/v4/{project}/registry/microservices/{consumerId}/providers'
const CONSUMERS = '/v4/{project}/registry/microservices/{providerId}/consumers'
const DEPENDENCIES = '/v4/{project}/registry/dependencies'

/**
 * Dependencies recorded by discovery with X-ConsumerId, set explicitly, and what they block.
 * @example
 * createContractRun({ target, scenarios: [dependencies] })
 */
export const dependencies = defineScenario({
  name: 'dependencies',
  operations: [
    'createService',
    'registerInstance',
    'findInstances',
    'listProviders',
    'listConsumers',
    'deleteService',
    'addDependencies',
    'putDependencies',
    'watch',
  ],
  async run(t) {
    const appId = t.ledger.appId
    const providerName = t.name('payments')
    const provider = await t.createService({ serviceName: providerName })
    await t.registerInstance(provider)
    const consumerName = t.name('checkout')
    const consumer = await t.createService({ serviceName: consumerName })

    const find = (consumerId: string) =>
      t.api.GET('/v4/{project}/registry/instances', {
        params: {
          path: t.path({}),
          query: { appId, serviceName: providerName, version: '0+' },
          header: { 'X-ConsumerId': consumerId },
        },
      })
    const found = await t.settle(
      () => find(consumer),
      (r) => (r.data?.instances ?? []).length === 1,
    )
    if (t.expectStatus(found, 200)) {
      t.check(
        found,
        'a consumer finds the provider of its application',
        (found.data?.instances ?? []).length === 1,
        show(found.data),
      )
    }
    t.expectError(await find(t.ledger.reserve('ghost')), '400012')

    const providersOf = () =>
      t.api.GET(PROVIDERS, { params: { path: t.path({ consumerId: consumer }) } })
    const hasProvider = (r: Awaited<ReturnType<typeof providersOf>>, id: string) =>
      r.data?.providers?.some((s) => s.serviceId === id) === true
    // The registry records dependencies asynchronously, so the listing may lag.
    const providers = await t.settle(providersOf, (r) => hasProvider(r, provider))
    if (t.expectStatus(providers, 200)) {
      t.check(
        providers,
        'discovery with X-ConsumerId records the dependency',
        hasProvider(providers, provider),
        show(providers.data),
      )
    }
    const consumers = await t.settle(
      () => t.api.GET(CONSUMERS, { params: { path: t.path({ providerId: provider }) } }),
      (r) => r.data?.consumers?.some((s) => s.serviceId === consumer) === true,
    )
    if (t.expectStatus(consumers, 200)) {
      t.check(
        consumers,
        'the provider lists its consumer',
        consumers.data?.consumers?.some((s) => s.serviceId === consumer) === true,
        show(consumers.data),
      )
    }
    t.expectError(
      await t.api.DELETE(SERVICE, { params: { path: t.path({ serviceId: provider }) } }),
      '400023',
    )

    const extraName = t.name('ledger')
    const extra = await t.createService({ serviceName: extraName })
    const consumerKey = {
      environment: 'development',
      appId,
      serviceName: consumerName,
      version: '1.0.0',
    }
    // A provider without environment is looked up in the default one (empty in Service
    // Center), not the consumer's, so it is named with the environment it was created in.
    const extraKey = { environment: 'development', appId, serviceName: extraName }
    const added = await t.api.POST(DEPENDENCIES, {
      params: { path: t.path({}) },
      body: { dependencies: [{ consumer: consumerKey, providers: [extraKey] }] },
    })
    t.expectStatus(added, 200)
    t.check(
      added,
      'the explicit API is marked deprecated',
      added.response.headers.has('deprecation'),
      'no Deprecation header',
    )
    const withExtra = await t.settle(providersOf, (r) => hasProvider(r, extra))
    t.check(
      added,
      'dependencies POST adds a provider',
      hasProvider(withExtra, extra),
      show(withExtra.data),
    )
    const ghost = { ...consumerKey, serviceName: t.name('ghost') }
    t.expectError(
      await t.api.POST(DEPENDENCIES, {
        params: { path: t.path({}) },
        body: { dependencies: [{ consumer: ghost, providers: [extraKey] }] },
      }),
      '400012',
    )

    const put = await t.api.PUT(DEPENDENCIES, {
      params: { path: t.path({}) },
      body: { dependencies: [{ consumer: consumerKey, providers: [] }] },
    })
    t.expectStatus(put, 200)
    // An empty list deletes the consumer's rules, and a cached read may show deleted rules for
    // minutes; `noCache=1` is not declared for this operation, but the registry honours it.
    const cleared = await t.settle(
      () =>
        t.api.GET(PROVIDERS, {
          params: { path: t.path({ consumerId: consumer }), query: { noCache: '1' } as never },
        }),
      (r) => (r.data?.providers ?? []).length === 0,
    )
    t.check(
      put,
      'dependencies PUT overwrites the provider list',
      (cleared.data?.providers ?? []).length === 0,
      show(cleared.data),
    )

    const absent = t.ledger.reserve('absent')
    t.expectError(
      await t.api.GET(PROVIDERS, { params: { path: t.path({ consumerId: absent }) } }),
      '400012',
    )
    t.expectError(
      await t.api.GET(CONSUMERS, { params: { path: t.path({ providerId: absent }) } }),
      '400012',
    )
    const plain = await t.api.GET('/v4/{project}/registry/microservices/{serviceId}/watcher', {
      params: { path: t.path({ serviceId: consumer }), header: {} as never },
    })
    t.expectStatus(plain, 400)
  },
})

/**
 * The access rule: providers of another application are hidden unless they allow it.
 * @example
 * createContractRun({ target, scenarios: [crossApp] })
 */
export const crossApp = defineScenario({
  name: 'cross-application access',
  operations: ['createService', 'registerInstance', 'findInstances', 'updateServiceProperties'],
  async run(t) {
    const otherApp = `${t.ledger.appId}-other`
    const providerName = t.name('shared')
    const provider = await t.createService({ serviceName: providerName, appId: otherApp })
    await t.registerInstance(provider)
    const consumer = await t.createService({ serviceName: t.name('reader') })
    const find = () =>
      t.api.GET('/v4/{project}/registry/instances', {
        params: {
          path: t.path({}),
          query: { appId: otherApp, serviceName: providerName, version: '0+' },
          header: { 'X-ConsumerId': consumer },
        },
      })
    const hidden = await find()
    if (t.expectStatus(hidden, 200)) {
      t.check(
        hidden,
        'another application is hidden from a consumer',
        (hidden.data?.instances ?? []).length === 0,
        show(hidden.data),
      )
    }
    const open = await t.api.PUT(`${SERVICE}/properties`, {
      params: { path: t.path({ serviceId: provider }) },
      body: { properties: { allowCrossApp: 'true' } },
    })
    t.expectStatus(open, 200)
    const visible = await t.settle(find, (r) => (r.data?.instances ?? []).length === 1)
    if (t.expectStatus(visible, 200)) {
      t.check(
        visible,
        'allowCrossApp=true makes it visible',
        (visible.data?.instances ?? []).length === 1,
        show(visible.data),
      )
    }
  },
})
