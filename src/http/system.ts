import { clientAddress } from './client-address.ts'
import {
  checkGoField,
  ENV_PATTERN,
  EXACT_VERSION,
  FIND_NAME_PATTERN,
  NAME_PATTERN,
  SCHEMA_ID_PATTERN,
  SERVICE_ID_PATTERN,
} from './go-validation.ts'
import { defineOperation } from './operation.ts'

/** `GET /v4/{project}/registry/version`. */
export const getVersion = defineOperation({
  operationId: 'getVersion',
  method: 'get',
  path: '/v4/:project/registry/version',
  handle: ({ registry }) => ({ body: registry.version() }),
})

/** `GET /v4/{project}/registry/health`. */
export const getHealth = defineOperation({
  operationId: 'getHealth',
  method: 'get',
  path: '/v4/:project/registry/health',
  handle: ({ registry, ctx }) => ({ body: registry.health(ctx) }),
})

/** `GET /version`: the root path Service Center keeps from its v3 API (`apiVersion` 3.0.0). */
export const getRootVersion = defineOperation({
  operationId: 'getRootVersion',
  method: 'get',
  path: '/version',
  handle: ({ registry }) => ({ body: { ...registry.version(), apiVersion: '3.0.0' } }),
})

/** `GET /health`: the root path, the same answer as `getHealth`. */
export const getRootHealth = defineOperation({
  operationId: 'getRootHealth',
  method: 'get',
  path: '/health',
  handle: ({ registry, ctx }) => ({ body: registry.health(ctx) }),
})

/** `GET /v4/{project}/registry/existence?type=microservice|schema`. */
export const checkExistence = defineOperation({
  operationId: 'checkExistence',
  method: 'get',
  path: '/v4/:project/registry/existence',
  // Service Center checks the query itself, in its own order and words (see checkExistenceQuery).
  deferIssues: (issue) => issue.location === 'query',
  handle: ({ registry, ctx, query }) => {
    checkExistenceQuery(query, registry.rules.versionRules)
    const { summary, ...body } = registry.existence(ctx, optionalQuery(query, EXISTENCE_KEYS))
    // The schema summary travels in a header, not in the body (reference §4.7).
    return summary === undefined && body.schemaId === undefined
      ? { body }
      : { body, headers: { 'X-Schema-Summary': summary ?? '' } }
  },
})

/**
 * `POST /v4/token`: exchanges a name and password for a bearer token. Without accounts the
 * `servicecomb` profile has no such route, as Service Center with RBAC off (404).
 */
export const createToken = defineOperation({
  operationId: 'createToken',
  method: 'post',
  path: '/v4/token',
  absent: (registry) => !registry.requiresAuth && registry.rules.tokenWithoutAccounts === 'absent',
  // Service Center decodes the body itself: its own words for a missing body or a wrong type.
  deferIssues: (issue) => issue.location === 'body',
  handle: async (input) => ({
    body: await input.registry.createToken(
      input.body,
      clientAddress((name) => input.request.headers.get(name), input.remoteAddress),
    ),
  }),
})

/**
 * Service Center's validators for the existence query: the service key (a plain version in
 * the servicecomb profile; the cse profile takes a rule, checked by the registry) or the schema.
 */
function checkExistenceQuery(query: URLSearchParams, versionRules: boolean): void {
  const value = (name: string) => query.get(name) ?? ''
  const type = value('type')
  if (type === 'microservice') {
    const struct = 'GetExistenceRequest'
    checkGoField(struct, 'AppId', value('appId'), { min: 1, max: 160, pattern: NAME_PATTERN })
    checkGoField(struct, 'ServiceName', value('serviceName'), {
      min: 1,
      max: 160 + 1 + 128,
      pattern: FIND_NAME_PATTERN,
    })
    if (!versionRules) {
      checkGoField(struct, 'Version', value('version'), {
        min: 1,
        max: 64,
        custom: EXACT_VERSION,
      })
    }
    checkGoField(struct, 'Environment', value('env'), { pattern: ENV_PATTERN })
  } else if (type === 'schema') {
    const struct = 'GetSchemaRequest'
    checkGoField(struct, 'ServiceId', value('serviceId'), {
      min: 1,
      max: 64,
      pattern: SERVICE_ID_PATTERN,
    })
    checkGoField(struct, 'SchemaId', value('schemaId'), {
      min: 1,
      max: 160,
      pattern: SCHEMA_ID_PATTERN,
    })
  }
}

const EXISTENCE_KEYS = ['type', 'env', 'appId', 'serviceName', 'version', 'serviceId', 'schemaId']

/**
 * Picks the named query parameters that are present, leaving absent ones out (so
 * `exactOptionalPropertyTypes` holds).
 * @example
 * optionalQuery(new URLSearchParams('a=1'), ['a', 'b']) // { a: '1' }
 */
export function optionalQuery(query: URLSearchParams, keys: readonly string[]) {
  const picked: Record<string, string> = {}
  for (const key of keys) {
    const value = query.get(key)
    if (value !== null) picked[key] = value
  }
  return picked
}
