import { errorCodeOf, show } from '../framework/results.ts'
import { defineScenario } from '../framework/scenario.ts'

const SCHEMAS = '/v4/{project}/registry/microservices/{serviceId}/schemas'
const SCHEMA = '/v4/{project}/registry/microservices/{serviceId}/schemas/{schemaId}'
const TEXT = 'openapi: 3.0.1\ninfo:\n  title: contract\n  version: 1.0.0\npaths: {}\n'

/**
 * Contracts: write one, read it back with its summary, list, replace the set, delete.
 * @example
 * createContractRun({ target, scenarios: [schemas] })
 */
export const schemas = defineScenario({
  name: 'schemas',
  operations: [
    'createService',
    'putSchema',
    'getSchema',
    'getService',
    'listSchemas',
    'checkExistence',
    'putSchemas',
    'deleteSchema',
  ],
  async run(t) {
    // `development` is outside the cse profile's edit restriction, so both profiles accept the edits.
    const serviceId = await t.createService({
      serviceName: t.name('contracted'),
      environment: 'development',
    })
    const one = (schemaId: string) => ({ params: { path: t.path({ serviceId, schemaId }) } })

    t.expectStatus(
      await t.api.PUT(SCHEMA, { ...one('orders'), body: { schema: TEXT, summary: 'sum1' } }),
      200,
    )
    const got = await t.settle(
      () => t.api.GET(SCHEMA, one('orders')),
      (r) => r.response.status === 200,
    )
    if (t.expectStatus(got, 200)) {
      t.check(got, 'returns the contract text', got.data?.schema === TEXT, show(got.data))
      t.check(
        got,
        'X-Schema-Summary carries the summary',
        got.response.headers.get('x-schema-summary') === 'sum1',
        show(got.response.headers.get('x-schema-summary')),
      )
    }
    const service = await t.settle(
      () =>
        t.api.GET('/v4/{project}/registry/microservices/{serviceId}', {
          params: { path: t.path({ serviceId }) },
        }),
      (r) => r.data?.service?.schemas?.includes('orders') === true,
    )
    t.check(
      'putSchema',
      'a new contract id joins service.schemas',
      service.data?.service?.schemas?.includes('orders') === true,
      show(service.data?.service?.schemas),
    )

    const list = (withSchema: '0' | '1') =>
      t.api.GET(SCHEMAS, { params: { path: t.path({ serviceId }), query: { withSchema } } })
    const full = await list('1')
    if (t.expectStatus(full, 200)) {
      t.check(
        full,
        'withSchema=1 includes the text',
        full.data?.schemas?.find((s) => s.schemaId === 'orders')?.schema === TEXT,
        show(full.data),
      )
    }
    const bare = await list('0')
    if (t.expectStatus(bare, 200)) {
      t.check(
        bare,
        'withSchema=0 leaves the text out',
        bare.data?.schemas?.some((s) => s.schemaId === 'orders' && s.schema === undefined) === true,
        show(bare.data),
      )
    }
    t.expectError(await list('2' as '1'), '400001')

    const exists = (schemaId: string) =>
      t.api.GET('/v4/{project}/registry/existence', {
        params: { path: t.path({}), query: { type: 'schema', serviceId, schemaId } },
      })
    const found = await exists('orders')
    if (t.expectStatus(found, 200)) {
      t.check(
        found,
        'existence names the contract',
        found.data?.schemaId === 'orders' && found.data.serviceId === serviceId,
        show(found.data),
      )
      t.check(
        found,
        'X-Schema-Summary carries the summary',
        found.response.headers.get('x-schema-summary') === 'sum1',
        show(found.response.headers.get('x-schema-summary')),
      )
    }
    t.expectError(await exists('absent'), '400016')

    const replace = await t.api.POST(SCHEMAS, {
      params: { path: t.path({ serviceId }) },
      body: {
        schemas: [
          { schemaId: 'billing', schema: TEXT, summary: 'sum2' },
          { schemaId: 'stock', schema: TEXT, summary: 'sum3' },
        ],
      },
    })
    t.expectStatus(replace, 200)
    const idsOf = (r: Awaited<ReturnType<typeof list>>) =>
      (r.data?.schemas ?? []).map((s) => s.schemaId).sort()
    const afterReplace = await t.settle(
      () => list('0'),
      (r) => show(idsOf(r)) === show(['billing', 'stock']),
    )
    const ids = idsOf(afterReplace)
    t.check(
      replace,
      'schemas POST replaces the set',
      show(ids) === show(['billing', 'stock']),
      show(ids),
    )
    const invalid = await t.api.POST(SCHEMAS, {
      params: { path: t.path({ serviceId }) },
      body: { schemas: [{ schemaId: 'nosummary', schema: TEXT }] } as never,
    })
    t.expectError(invalid, '400001')

    t.expectStatus(await t.api.DELETE(SCHEMA, one('billing')), 200)
    const deleted = await t.settle(
      () => t.api.GET(SCHEMA, one('billing')),
      (r) => errorCodeOf(r) === '400016',
    )
    t.check(
      'deleteSchema',
      'a deleted contract is gone (400016)',
      errorCodeOf(deleted) === '400016',
      `got ${deleted.response.status}`,
    )
    t.expectError(await t.api.DELETE(SCHEMA, one('billing')), '400016')
    t.expectError(
      await t.api.GET(SCHEMA, {
        params: { path: t.path({ serviceId: t.ledger.reserve('absent'), schemaId: 'orders' }) },
      }),
      '400012',
    )
  },
})
