import { errorCodeOf, sameMap, show } from '../framework/results.ts'
import { defineScenario } from '../framework/scenario.ts'

const INSTANCES = '/v4/{project}/registry/microservices/{serviceId}/instances'
const INSTANCE = '/v4/{project}/registry/microservices/{serviceId}/instances/{instanceId}'

/**
 * Register, read, revision and 304, heartbeat, status, properties, deregister.
 * @example
 * createContractRun({ target, scenarios: [instanceLifecycle] })
 */
export const instanceLifecycle = defineScenario({
  name: 'instance lifecycle',
  operations: [
    'createService',
    'registerInstance',
    'getInstance',
    'listInstances',
    'heartbeat',
    'updateInstanceStatus',
    'updateInstanceProperties',
    'deregisterInstance',
    'heartbeatWebSocket',
  ],
  async run(t) {
    const serviceId = await t.createService({ serviceName: t.name('stock'), version: '2.1.0' })
    const endpoint = t.endpoint()
    const instanceId = await t.registerInstance(serviceId, { endpoints: [endpoint] })
    const one = { params: { path: t.path({ serviceId, instanceId }) } }

    const got = await t.settle(
      () => t.api.GET(INSTANCE, one),
      (r) => r.response.status === 200,
    )
    if (t.expectStatus(got, 200)) {
      const i = got.data?.instance
      t.check(
        got,
        'fills the server-side fields',
        i?.instanceId === instanceId &&
          i.serviceId === serviceId &&
          i.version === '2.1.0' &&
          i.status === 'UP',
        show(i),
      )
      t.check(got, 'keeps the endpoints', i?.endpoints?.[0] === endpoint, show(i?.endpoints))
    }
    const revision = t.need(
      got.response.headers.get('x-resource-revision'),
      'no revision to send back',
    )
    t.expectStatus(
      await t.api.GET(INSTANCE, { params: { ...one.params, query: { rev: revision } } }),
      304,
    )

    const listed = await t.settle(
      () => t.api.GET(INSTANCES, { params: { path: t.path({ serviceId }) } }),
      (r) => r.data?.instances?.some((i) => i.instanceId === instanceId) === true,
    )
    if (t.expectStatus(listed, 200)) {
      t.check(
        listed,
        'lists the instance',
        listed.data?.instances?.some((i) => i.instanceId === instanceId) === true,
        show(listed.data),
      )
    }
    const listRev = t.need(listed.response.headers.get('x-resource-revision'), 'no list revision')
    const list304 = () =>
      t.api.GET(INSTANCES, { params: { path: t.path({ serviceId }), query: { rev: listRev } } })
    t.expectStatus(await list304(), 304)

    const beat = await t.api.PUT(`${INSTANCE}/heartbeat`, one)
    t.expectStatus(beat, 200)
    const afterBeat = await list304()
    t.check(
      beat,
      'heartbeat leaves the revision unchanged',
      afterBeat.response.status === 304,
      `rev answered ${afterBeat.response.status}`,
    )

    const status = await t.api.PUT(`${INSTANCE}/status`, {
      params: { ...one.params, query: { value: 'DOWN' } },
    })
    t.expectStatus(status, 200)
    const down = await t.settle(
      () => t.api.GET(INSTANCE, one),
      (r) => r.data?.instance?.status === 'DOWN',
    )
    t.check(
      status,
      'status PUT rewrites the status',
      down.data?.instance?.status === 'DOWN',
      show(down.data?.instance?.status),
    )
    const changed = await t.settle(list304, (r) => r.response.status === 200)
    t.check(
      status,
      'a status change moves the revision',
      changed.response.status === 200,
      `rev answered ${changed.response.status}`,
    )
    t.expectError(
      await t.api.PUT(`${INSTANCE}/status`, {
        params: { ...one.params, query: { value: 'down' as 'DOWN' } },
      }),
      '400001',
    )

    const props = (properties: Record<string, string>) =>
      t.api.PUT(`${INSTANCE}/properties`, { ...one, body: { properties } })
    t.expectStatus(await props({ zone: 'blue' }), 200)
    const replaced = await props({ rack: 'r7' })
    t.expectStatus(replaced, 200)
    const withProps = await t.settle(
      () => t.api.GET(INSTANCE, one),
      (r) => sameMap(r.data?.instance?.properties, { rack: 'r7' }),
    )
    t.check(
      replaced,
      'properties PUT replaces the map',
      sameMap(withProps.data?.instance?.properties, { rack: 'r7' }),
      show(withProps.data?.instance?.properties),
    )

    const socket = await t.api.GET(`${INSTANCE}/heartbeat`, {
      params: { ...one.params, header: {} as never },
    })
    t.expectStatus(socket, 400)

    t.expectStatus(await t.api.DELETE(INSTANCE, one), 200)
    const noCache = { params: { ...one.params, query: { noCache: '1' } } }
    const gone = await t.settle(
      () => t.api.GET(INSTANCE, noCache),
      (r) => errorCodeOf(r) === '400017',
    )
    t.expectError(gone, '400017')
    t.expectError(await t.api.DELETE(INSTANCE, one), '400017')
  },
})

/**
 * What the instance operations answer for unknown services and instances and bad input.
 * @example
 * createContractRun({ target, scenarios: [instanceErrors] })
 */
export const instanceErrors = defineScenario({
  name: 'instance errors',
  operations: [
    'createService',
    'registerInstance',
    'getInstance',
    'listInstances',
    'heartbeat',
    'updateInstanceStatus',
    'updateInstanceProperties',
  ],
  async run(t) {
    const serviceId = await t.createService({ serviceName: t.name('errors') })
    const absent = t.ledger.reserve('absent')
    const unknownService = await t.api.POST(INSTANCES, {
      params: { path: t.path({ serviceId: absent }) },
      body: { instance: { hostName: 'contract-host', endpoints: [t.endpoint()] } },
    })
    t.expectError(unknownService, '400012')
    const noHost = await t.api.POST(INSTANCES, {
      params: { path: t.path({ serviceId }) },
      body: { instance: { endpoints: [t.endpoint()] } } as never,
    })
    t.expectError(noHost, '400001')
    const notJson = await t.api.POST(INSTANCES, {
      params: { path: t.path({ serviceId }) },
      body: {} as never,
      bodySerializer: () => '{"instance":',
    })
    t.expectError(notJson, '400001')
    // The registry reads at most 5 KiB of a registration body.
    const oversized = await t.api.POST(INSTANCES, {
      params: { path: t.path({ serviceId }) },
      body: {
        instance: {
          hostName: 'contract-host',
          endpoints: [t.endpoint()],
          properties: { padding: 'x'.repeat(5200) },
        },
      },
    })
    t.expectError(oversized, '400001')
    const missing = { params: { path: t.path({ serviceId, instanceId: 'missing0instance' }) } }
    t.expectError(await t.api.GET(INSTANCE, missing), '400017')
    t.expectError(
      await t.api.GET(INSTANCE, { params: { path: t.path({ serviceId, instanceId: 'bad id' }) } }),
      '400001',
    )
    t.expectError(
      await t.api.GET(INSTANCES, { params: { path: t.path({ serviceId: absent }) } }),
      '400012',
    )
    t.expectError(await t.api.PUT(`${INSTANCE}/heartbeat`, missing), '400017')
    t.expectError(
      await t.api.PUT(`${INSTANCE}/status`, {
        params: { ...missing.params, query: { value: 'UP' } },
      }),
      '400017',
    )
    t.expectError(
      await t.api.PUT(`${INSTANCE}/properties`, { ...missing, body: { properties: {} } }),
      '400017',
    )
  },
})
