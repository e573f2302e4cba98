import { describe, expect, it } from 'vitest'
import openapi from '../../src/generated/openapi.json' with { type: 'json' }
import { getOperation, listOperations, SpecLookupError } from '../../src/spec/document.ts'

const P = '/v4/{project}/registry'

/** The operations the registry API must have: method, path, operationId. */
const EXPECTED: ReadonlyArray<readonly [string, string, string]> = [
  ['get', `${P}/version`, 'getVersion'],
  ['get', `${P}/health`, 'getHealth'],
  ['get', '/version', 'getRootVersion'],
  ['get', '/health', 'getRootHealth'],
  ['get', `${P}/existence`, 'checkExistence'],
  ['post', `${P}/microservices`, 'createService'],
  ['get', `${P}/microservices`, 'listServices'],
  ['delete', `${P}/microservices`, 'deleteServices'],
  ['get', `${P}/microservices/{serviceId}`, 'getService'],
  ['delete', `${P}/microservices/{serviceId}`, 'deleteService'],
  ['put', `${P}/microservices/{serviceId}/properties`, 'updateServiceProperties'],
  ['post', `${P}/microservices/{serviceId}/tags`, 'setTags'],
  ['get', `${P}/microservices/{serviceId}/tags`, 'getTags'],
  ['put', `${P}/microservices/{serviceId}/tags/{key}`, 'updateTag'],
  ['delete', `${P}/microservices/{serviceId}/tags/{key}`, 'deleteTags'],
  ['get', `${P}/microservices/{serviceId}/schemas`, 'listSchemas'],
  ['post', `${P}/microservices/{serviceId}/schemas`, 'putSchemas'],
  ['get', `${P}/microservices/{serviceId}/schemas/{schemaId}`, 'getSchema'],
  ['put', `${P}/microservices/{serviceId}/schemas/{schemaId}`, 'putSchema'],
  ['delete', `${P}/microservices/{serviceId}/schemas/{schemaId}`, 'deleteSchema'],
  ['post', `${P}/microservices/{serviceId}/instances`, 'registerInstance'],
  ['get', `${P}/microservices/{serviceId}/instances`, 'listInstances'],
  ['get', `${P}/microservices/{serviceId}/instances/{instanceId}`, 'getInstance'],
  ['delete', `${P}/microservices/{serviceId}/instances/{instanceId}`, 'deregisterInstance'],
  ['put', `${P}/microservices/{serviceId}/instances/{instanceId}/status`, 'updateInstanceStatus'],
  [
    'put',
    `${P}/microservices/{serviceId}/instances/{instanceId}/properties`,
    'updateInstanceProperties',
  ],
  ['put', `${P}/microservices/{serviceId}/instances/{instanceId}/heartbeat`, 'heartbeat'],
  ['get', `${P}/microservices/{serviceId}/instances/{instanceId}/heartbeat`, 'heartbeatWebSocket'],
  ['put', `${P}/heartbeats`, 'heartbeats'],
  ['get', `${P}/instances`, 'findInstances'],
  ['post', `${P}/instances/action`, 'batchFindInstances'],
  ['put', `${P}/instances/status`, 'updateInstancesStatus'],
  ['get', `${P}/microservices/{serviceId}/watcher`, 'watch'],
  ['get', `${P}/microservices/{consumerId}/providers`, 'listProviders'],
  ['get', `${P}/microservices/{providerId}/consumers`, 'listConsumers'],
  ['post', `${P}/dependencies`, 'addDependencies'],
  ['put', `${P}/dependencies`, 'putDependencies'],
  ['get', '/v4/{project}/govern/apps', 'listApps'],
  ['get', '/v4/{project}/govern/microservices', 'listServiceDetails'],
  ['get', '/v4/{project}/govern/microservices/{serviceId}', 'getServiceDetail'],
  ['get', '/v4/{project}/govern/relations', 'getRelations'],
  ['get', '/v4/{project}/govern/statistics', 'getStatistics'],
  ['post', '/v4/token', 'createToken'],
  ['get', '/v4/accounts', 'listAccounts'],
  ['post', '/v4/accounts', 'createAccount'],
  ['post', '/v4/accounts/batch-create', 'batchCreateAccounts'],
  ['get', '/v4/accounts/{name}', 'getAccount'],
  ['put', '/v4/accounts/{name}', 'updateAccount'],
  ['delete', '/v4/accounts/{name}', 'deleteAccount'],
  ['post', '/v4/accounts/{name}/password', 'changePassword'],
  ['get', '/v4/account-locks', 'listAccountLocks'],
  ['get', '/v4/self-perms', 'listSelfPerms'],
  ['get', '/v4/roles', 'listRoles'],
  ['post', '/v4/roles', 'createRole'],
  ['get', '/v4/roles/{roleName}', 'getRole'],
  ['put', '/v4/roles/{roleName}', 'updateRole'],
  ['delete', '/v4/roles/{roleName}', 'deleteRole'],
]

const ERROR_REF = '#/components/schemas/Error'
const sharedResponses = openapi.components.responses as Record<string, Record<string, unknown>>

/** The JSON schema `$ref` of a response, following one `#/components/responses/*` reference. */
function jsonSchemaRef(response: Record<string, unknown>): unknown {
  const ref = response.$ref
  const resolved =
    typeof ref === 'string' ? sharedResponses[ref.replace('#/components/responses/', '')] : response
  const content = resolved?.content as Record<string, { schema?: { $ref?: string } }> | undefined
  return content?.['application/json']?.schema?.$ref
}

describe('the spec operations', () => {
  const operations = listOperations()

  it('are exactly the expected operations (method, path, operationId)', () => {
    const actual = operations.map((op) => [op.method, op.path, op.operationId].join(' '))
    const expected = EXPECTED.map((entry) => entry.join(' '))
    expect([...actual].sort()).toEqual([...expected].sort())
  })

  it('have unique operationIds and there are at least 34 of them', () => {
    const ids = operations.map((op) => op.operationId)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.length).toBeGreaterThanOrEqual(34)
  })

  it('each declare a 4xx or 5xx response whose schema is the shared Error', () => {
    const paths = openapi.paths as Record<string, Record<string, { responses?: object }>>
    for (const [method, path, operationId] of EXPECTED) {
      const responses = paths[path]?.[method]?.responses as Record<string, Record<string, unknown>>
      const errorStatuses = Object.entries(responses)
        .filter(([status]) => /^[45]\d\d$/.test(status))
        .filter(([, response]) => jsonSchemaRef(response) === ERROR_REF)
      expect(errorStatuses.length, operationId).toBeGreaterThan(0)
    }
  })

  it('mark only the explicit dependency operations as deprecated', () => {
    const deprecated = operations.filter((op) => op.deprecated).map((op) => op.operationId)
    expect(deprecated.sort()).toEqual(['addDependencies', 'putDependencies'])
  })

  it('carry profile notes where the two profiles differ', () => {
    for (const id of [
      'findInstances',
      'batchFindInstances',
      'checkExistence',
      'registerInstance',
      'heartbeats',
      'deleteServices',
      'putSchema',
      'putSchemas',
      'createService',
    ]) {
      const { profiles } = getOperation(id)
      expect(profiles?.cse, id).toBeTruthy()
      expect(profiles?.servicecomb, id).toBeTruthy()
    }
    const schemas = openapi.components.schemas as Record<string, Record<string, unknown>>
    for (const name of ['MicroService', 'HealthCheck', 'RegisterInstanceRequest']) {
      expect(schemas[name]?.['x-cse-mock-profiles'], name).toMatchObject({
        cse: expect.any(String),
        servicecomb: expect.any(String),
      })
    }
  })

  it('merge path-level and operation-level parameters with $refs resolved', () => {
    const find = getOperation('listInstances')
    expect(find.method).toBe('get')
    expect(find.parameters.map((p) => `${p.in}:${p.name}`)).toEqual([
      'path:project',
      'path:serviceId',
      'header:X-Domain-Name',
      'header:X-ConsumerId',
      'query:tags',
      'query:rev',
      'query:noCache',
      'query:cacheOnly',
    ])
    expect(find.parameters[1]).toMatchObject({
      required: true,
      schema: { minLength: 1, maxLength: 64, pattern: '^\\S*$' },
    })
    expect(find.responses['304']).toMatchObject({
      empty: true,
      headers: { 'X-Resource-Revision': { required: true } },
    })
    expect(find.responses['200']?.empty).toBe(false)
  })

  it('describe empty mutation answers and optional batch heartbeat bodies', () => {
    expect(getOperation('deleteService').responses['200']).toMatchObject({ empty: true })
    expect(getOperation('deleteService').responses['200']?.schema).toBeUndefined()
    const batch = getOperation('heartbeats').responses['200']
    expect(batch?.empty).toBe(true)
    expect(batch?.schema).toEqual({ $ref: '#/components/schemas/HeartbeatSetResponse' })
    expect(
      getOperation('findInstances').parameters.find((p) => p.name === 'version')?.required,
    ).toBe(false)
  })

  it('reject unknown operationIds with a SpecLookupError', () => {
    expect(() => getOperation('nope')).toThrow(SpecLookupError)
  })
})
