import type { components } from '../generated/schema.ts'
import { RegistryError } from '../registry/errors.ts'
import { cachedRead } from './answer-cache.ts'
import { checkGoField, ENV_PATTERN, FIND_NAME_PATTERN, NAME_PATTERN } from './go-validation.ts'
import { defineOperation } from './operation.ts'
import { listParam } from './query.ts'
import { fromRevisioned, revOf } from './revisioned.ts'

type BatchFindRequest = components['schemas']['BatchFindRequest']

/** `GET …/registry/instances`: discovery by appId + serviceName (reference §5.10). */
export const findInstances = defineOperation({
  operationId: 'findInstances',
  method: 'get',
  path: '/v4/:project/registry/instances',
  // Service Center 2.1+ never reads `version` here, so a malformed one is no error there.
  ignoredQuery: (registry) => (registry.rules.versionRules ? [] : ['version']),
  // The key fields are checked below, in Service Center's order and words.
  deferIssues: (issue) =>
    issue.location === 'query' && ['appId', 'serviceName', 'env'].includes(issue.name),
  handle: async ({ registry, ctx, query }) => {
    checkFindKey(query)
    const q: Parameters<typeof registry.findInstances>[1] = {
      appId: query.get('appId') ?? '',
      serviceName: query.get('serviceName') ?? '',
    }
    const version = registry.rules.versionRules ? query.get('version') : null
    const env = query.get('env')
    const tags = listParam(query, 'tags')
    const rev = revOf(query)
    if (version !== null) q.version = version
    if (env !== null) q.env = env
    if (tags) q.tags = tags
    if (rev) {
      q.rev = rev
      return fromRevisioned(await registry.findInstances(ctx, q))
    }
    const key = JSON.stringify([registry.profile, ctx.domain, ctx.project, ctx.consumerId, q])
    return cachedRead(registry, key, (cachedRev) =>
      registry.findInstances(ctx, cachedRev ? { ...q, rev: cachedRev } : q),
    )
  },
})

/** The discovery key as Service Center's `FindInstancesRequest` validator checks it. */
function checkFindKey(query: URLSearchParams): void {
  const struct = 'FindInstancesRequest'
  checkGoField(struct, 'AppId', query.get('appId') ?? '', {
    min: 1,
    max: 160,
    pattern: NAME_PATTERN,
  })
  checkGoField(struct, 'ServiceName', query.get('serviceName') ?? '', {
    min: 1,
    max: 160 + 1 + 128,
    pattern: FIND_NAME_PATTERN,
  })
  checkGoField(struct, 'Environment', query.get('env') ?? '', { pattern: ENV_PATTERN })
}

/** `POST …/registry/instances/action?type=query`: batch find (reference §5.11). */
export const batchFindInstances = defineOperation({
  operationId: 'batchFindInstances',
  method: 'post',
  path: '/v4/:project/registry/instances/action',
  bodyError: 'Unmarshal error',
  // Service Center reads `type` itself: anything but `query` is `Invalid action: <type>`.
  deferIssues: (issue) => issue.location === 'query' && issue.name === 'type',
  handle: async ({ registry, ctx, query, body }) => {
    const type = query.get('type')
    if (type !== 'query') throw new RegistryError('400001', `Invalid action: ${type ?? ''}`)
    return { body: await registry.batchFind(ctx, body as BatchFindRequest) }
  },
})

/** `PUT …/registry/instances/status`: status by property match (Service Center 2.2+). */
export const updateInstancesStatus = defineOperation({
  operationId: 'updateInstancesStatus',
  method: 'put',
  path: '/v4/:project/registry/instances/status',
  bodyError: 'Unmarshal error',
  handle: async ({ registry, ctx, body }) => {
    await registry.updateInstancesStatus(
      ctx,
      body as Parameters<typeof registry.updateInstancesStatus>[1],
    )
    return {}
  },
})

/** `PUT …/registry/heartbeats`: batch heartbeat; the profile decides the response shape. */
export const heartbeats = defineOperation({
  operationId: 'heartbeats',
  method: 'put',
  path: '/v4/:project/registry/heartbeats',
  bodyError: 'Unmarshal error',
  // An empty list is Service Center's `Request format invalid.`, answered by the registry.
  deferIssues: (issue) => issue.name === 'instances' && Array.isArray(issue.value),
  handle: ({ registry, ctx, body }) => {
    const pairs = (body as { instances: { serviceId: string; instanceId: string }[] }).instances
    return { body: registry.heartbeats(ctx, pairs) }
  },
})
