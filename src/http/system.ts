import { clientAddress } from './client-address.ts'
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

/** `GET /v4/{project}/registry/existence?type=microservice|schema`. */
export const checkExistence = defineOperation({
  operationId: 'checkExistence',
  method: 'get',
  path: '/v4/:project/registry/existence',
  handle: ({ registry, ctx, query }) => {
    const { summary, ...body } = registry.existence(ctx, optionalQuery(query, EXISTENCE_KEYS))
    // The schema summary travels in a header, not in the body (reference §4.7).
    return summary === undefined && body.schemaId === undefined
      ? { body }
      : { body, headers: { 'X-Schema-Summary': summary ?? '' } }
  },
})

/** `POST /v4/token`: exchanges a name and password for a bearer token. */
export const createToken = defineOperation({
  operationId: 'createToken',
  method: 'post',
  path: '/v4/token',
  // Service Center decodes the body itself: its own words for a missing body or a wrong type.
  deferIssues: (issue) => issue.location === 'body',
  handle: async (input) => ({
    body: await input.registry.createToken(
      input.body,
      clientAddress((name) => input.request.headers.get(name), input.remoteAddress),
    ),
  }),
})

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
