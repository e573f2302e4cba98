import { ADD_DEPENDENCIES_REQUEST, CREATE_DEPENDENCIES_REQUEST } from './go-request-rules.ts'
import { checkGoStruct } from './go-struct.ts'
import { notUpgraded } from './instances.ts'
import { defineOperation } from './operation.ts'

const SERVICES = '/v4/:project/registry/microservices'
const DEPENDENCIES = '/v4/:project/registry/dependencies'

/** Only the literal `1` turns `noSelf` / `sameDomain` on (reference §6.2). */
function listingFlags(query: URLSearchParams) {
  return { noSelf: query.get('noSelf') === '1', sameDomain: query.get('sameDomain') === '1' }
}

/** `GET …/microservices/{consumerId}/providers`. */
export const listProviders = defineOperation({
  operationId: 'listProviders',
  method: 'get',
  path: `${SERVICES}/:consumerId/providers`,
  handle: ({ registry, ctx, params, query }) => ({
    body: registry.listProviders(ctx, params.consumerId!, listingFlags(query)),
  }),
})

/** `GET …/microservices/{providerId}/consumers`. */
export const listConsumers = defineOperation({
  operationId: 'listConsumers',
  method: 'get',
  path: `${SERVICES}/:providerId/consumers`,
  handle: ({ registry, ctx, params, query }) => ({
    body: registry.listConsumers(ctx, params.providerId!, listingFlags(query)),
  }),
})

/** `POST …/registry/dependencies` (deprecated): adds dependency rules. */
export const addDependencies = defineOperation({
  operationId: 'addDependencies',
  method: 'post',
  path: DEPENDENCIES,
  goValidate: ({ body }) => checkGoStruct(ADD_DEPENDENCIES_REQUEST, body),
  handle: async ({ registry, ctx, body }) => {
    await registry.addDependencies(ctx, body as Parameters<typeof registry.addDependencies>[1])
    return { headers: { Deprecation: 'version="v4"' } }
  },
})

/** `PUT …/registry/dependencies` (deprecated): overwrites a consumer's providers. */
export const putDependencies = defineOperation({
  operationId: 'putDependencies',
  method: 'put',
  path: DEPENDENCIES,
  goValidate: ({ body }) => checkGoStruct(CREATE_DEPENDENCIES_REQUEST, body),
  handle: async ({ registry, ctx, body }) => {
    await registry.putDependencies(ctx, body as Parameters<typeof registry.putDependencies>[1])
    return { headers: { Deprecation: 'version="v4"' } }
  },
})

/** `GET …/microservices/{serviceId}/watcher`: websocket only; the standalone server upgrades it. */
export const watch = defineOperation({
  operationId: 'watch',
  method: 'get',
  path: `${SERVICES}/:serviceId/watcher`,
  // The upgrade is refused before anything is read, as gorilla/websocket does in SC.
  deferIssues: () => true,
  handle: notUpgraded,
})
