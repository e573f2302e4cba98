import { sameMap, show } from '../framework/results.ts'
import { defineScenario } from '../framework/scenario.ts'

const SERVICES = '/v4/{project}/registry/microservices'
const SERVICE = '/v4/{project}/registry/microservices/{serviceId}'

/**
 * Create, read, list, change properties, check existence: one service from birth to reads.
 * @example
 * createContractRun({ target, scenarios: [serviceLifecycle] })
 */
export const serviceLifecycle = defineScenario({
  name: 'microservice lifecycle',
  operations: [
    'createService',
    'getService',
    'listServices',
    'updateServiceProperties',
    'checkExistence',
  ],
  async run(t) {
    const serviceName = t.name('orders')
    const serviceId = await t.createService({ serviceName, description: 'contract check' })
    const service = {
      appId: t.ledger.appId,
      environment: 'development',
      serviceName,
      version: '1.0.0',
    } as const

    const again = await t.api.POST(SERVICES, { params: { path: t.path({}) }, body: { service } })
    t.check(
      again,
      'the same key returns the existing id',
      again.data?.serviceId === serviceId,
      `got ${show(again.data ?? again.error)}`,
    )
    const conflict = await t.api.POST(SERVICES, {
      params: { path: t.path({}) },
      body: { service: { ...service, serviceId: t.ledger.reserve('conflict') } },
    })
    t.expectError(conflict, '400010')
    const invalid = await t.api.POST(SERVICES, {
      params: { path: t.path({}) },
      body: { service: { ...service, serviceName: '-not a name-' } },
    })
    t.expectError(invalid, '400001')

    const got = await t.api.GET(SERVICE, { params: { path: t.path({ serviceId }) } })
    if (t.expectStatus(got, 200)) {
      const s = got.data?.service
      t.check(
        got,
        'returns what was created',
        s?.serviceId === serviceId &&
          s.serviceName === serviceName &&
          s.appId === t.ledger.appId &&
          s.version === '1.0.0',
        show(s),
      )
      t.check(
        got,
        'timestamps are Unix seconds as strings',
        /^\d+$/.test(s?.timestamp ?? '') && /^\d+$/.test(s?.modTimestamp ?? ''),
        show(s?.timestamp),
      )
    }
    t.expectError(
      await t.api.GET(SERVICE, {
        params: { path: t.path({ serviceId: t.ledger.reserve('absent') }) },
      }),
      '400012',
    )
    t.expectError(
      await t.api.GET(SERVICE, { params: { path: t.path({ serviceId: 'bad id' }) } }),
      '400001',
    )

    const listed = (r: { data?: { services?: { serviceId?: string }[] } }) =>
      (r.data?.services ?? []).some((s) => s.serviceId === serviceId)
    const list = await t.settle(() => t.api.GET(SERVICES, { params: { path: t.path({}) } }), listed)
    if (t.expectStatus(list, 200)) {
      const ids = (list.data?.services ?? []).map((s) => s.serviceId)
      t.check(
        list,
        'lists the created service',
        ids.includes(serviceId),
        `${ids.length} services, not ${serviceId}`,
      )
    }

    const properties = (body: Record<string, string>) =>
      t.api.PUT(`${SERVICE}/properties`, {
        params: { path: t.path({ serviceId }) },
        body: { properties: body },
      })
    t.expectStatus(await properties({ first: 'one' }), 200)
    const replaced = await properties({ second: 'two' })
    t.expectStatus(replaced, 200)
    const after = await t.settle(
      () => t.api.GET(SERVICE, { params: { path: t.path({ serviceId }) } }),
      (r) => sameMap(r.data?.service?.properties, { second: 'two' }),
    )
    t.check(
      replaced,
      'properties PUT replaces the map',
      sameMap(after.data?.service?.properties, { second: 'two' }),
      `now ${show(after.data?.service?.properties)}`,
    )
    t.expectError(
      await t.api.PUT(`${SERVICE}/properties`, {
        params: { path: t.path({ serviceId: t.ledger.reserve('absent') }) },
        body: { properties: {} },
      }),
      '400012',
    )

    const exists = (query: Record<string, string>) =>
      t.api.GET('/v4/{project}/registry/existence', {
        params: { path: t.path({}), query: query as { type: 'microservice' } },
      })
    const found = await exists({
      type: 'microservice',
      env: 'development',
      appId: t.ledger.appId,
      serviceName,
      version: '1.0.0',
    })
    if (t.expectStatus(found, 200)) {
      t.check(
        found,
        'existence returns the service id',
        found.data?.serviceId === serviceId,
        show(found.data),
      )
    }
    t.expectError(
      await exists({
        type: 'microservice',
        env: 'development',
        appId: t.ledger.appId,
        serviceName: t.name('nothing'),
        version: '1.0.0',
      }),
      '400012',
    )
    t.expectError(await exists({ type: 'nonsense' }), '400001')
  },
})
