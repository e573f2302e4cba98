import type { components } from '../generated/schema.ts'
import { markCheckedInstance } from '../registry/checked-input.ts'
import { withoutEmptyFields } from './defaulted-fields.ts'
import { REGISTER_INSTANCE_REQUEST } from './go-service-rules.ts'
import { checkGoStruct } from './go-struct.ts'
import { checkGoField } from './go-validation.ts'
import { propertiesOf } from './microservices.ts'
import { bodyPassedSpec, defineOperation, type OperationInput } from './operation.ts'
import { listParam } from './query.ts'
import { PlainTextAnswer } from './respond.ts'
import { fromRevisioned, revOf } from './revisioned.ts'

type MicroServiceInstance = components['schemas']['MicroServiceInstance']

/** Service Center's `updateInstStatusRegex`. */
const STATUS_PATTERN = '^(UP|DOWN|STARTING|TESTING|OUTOFSERVICE)$'

const INSTANCES = '/v4/:project/registry/microservices/:serviceId/instances'
const INSTANCE = `${INSTANCES}/:instanceId`

/** `POST …/instances` (5 KiB body limit, reference §1.3). */
export const registerInstance = defineOperation({
  operationId: 'registerInstance',
  bodyError: 'Unmarshal error',
  method: 'post',
  path: INSTANCES,
  maxBodyBytes: 5 * 1024,
  // The registry accepts an empty status and stores `UP` (reference §5.1 step 3).
  beforeValidation: (body) => withoutEmptyFields(body, 'instance', ['status']),
  // Service Center takes the instance's serviceId from the path before validating.
  goValidate: ({ body, params }) => {
    const { instance } = (body ?? {}) as { instance?: unknown }
    const placed =
      typeof instance === 'object' && instance !== null && !Array.isArray(instance)
        ? { instance: { ...instance, serviceId: params.serviceId } }
        : body
    checkGoStruct(REGISTER_INSTANCE_REQUEST, placed)
  },
  handle: async (input) => {
    const { registry, ctx, params, body } = input
    const { instance } = body as { instance: MicroServiceInstance }
    // The registry builds the stored record from this very object: one schema check, not two.
    if (bodyPassedSpec(input)) markCheckedInstance(instance)
    return { body: await registry.registerInstance(ctx, params.serviceId!, instance) }
  },
})

/** `GET …/instances` with `tags`, `rev` and `X-ConsumerId`. */
export const listInstances = defineOperation({
  operationId: 'listInstances',
  method: 'get',
  path: INSTANCES,
  handle: ({ registry, ctx, params, query }) =>
    fromRevisioned(registry.listInstances(ctx, params.serviceId!, readOptions(query))),
})

/** `GET …/instances/{instanceId}`. */
export const getInstance = defineOperation({
  operationId: 'getInstance',
  method: 'get',
  path: INSTANCE,
  handle: ({ registry, ctx, params, query }) =>
    fromRevisioned(
      registry.getInstance(ctx, params.serviceId!, params.instanceId!, readOptions(query)),
    ),
})

/** `DELETE …/instances/{instanceId}`. */
export const deregisterInstance = defineOperation({
  operationId: 'deregisterInstance',
  method: 'delete',
  path: INSTANCE,
  handle: async ({ registry, ctx, params }) => {
    await registry.deregisterInstance(ctx, params.serviceId!, params.instanceId!)
    return {}
  },
})

/** `PUT …/instances/{instanceId}/status?value=`. */
export const updateInstanceStatus = defineOperation({
  operationId: 'updateInstanceStatus',
  method: 'put',
  path: `${INSTANCE}/status`,
  // The status is checked below in Service Center's words.
  deferIssues: (issue) => issue.location === 'query' && issue.name === 'value',
  handle: async ({ registry, ctx, params, query }) => {
    const value = query.get('value') ?? ''
    checkGoField('UpdateInstanceStatusRequest', 'Status', value, { pattern: STATUS_PATTERN })
    await registry.updateInstanceStatus(ctx, params.serviceId!, params.instanceId!, value)
    return {}
  },
})

/** `PUT …/instances/{instanceId}/properties`: replaces the whole map (3 KiB limit). */
export const updateInstanceProperties = defineOperation({
  operationId: 'updateInstanceProperties',
  bodyError: 'Unmarshal error',
  method: 'put',
  path: `${INSTANCE}/properties`,
  maxBodyBytes: 3 * 1024,
  handle: async ({ registry, ctx, params, body }) => {
    await registry.updateInstanceProperties(
      ctx,
      params.serviceId!,
      params.instanceId!,
      propertiesOf(body),
    )
    return {}
  },
})

/** `PUT …/instances/{instanceId}/heartbeat`: renews the lease only. */
export const heartbeat = defineOperation({
  operationId: 'heartbeat',
  method: 'put',
  path: `${INSTANCE}/heartbeat`,
  handle: ({ registry, ctx, params }) => {
    registry.heartbeat(ctx, params.serviceId!, params.instanceId!)
    return {}
  },
})

/**
 * `GET …/instances/{instanceId}/heartbeat` is a websocket endpoint; a plain GET is refused by
 * the upgrader. The standalone server upgrades it for real.
 */
export const heartbeatWebSocket = defineOperation({
  operationId: 'heartbeatWebSocket',
  method: 'get',
  path: `${INSTANCE}/heartbeat`,
  // The upgrade is refused before anything is read, as gorilla/websocket does in SC.
  deferIssues: () => true,
  handle: notUpgraded,
})

/**
 * The answer to a plain GET on a websocket endpoint: gorilla/websocket's own refusal, a
 * plain-text `Bad Request` with `Sec-Websocket-Version: 13`, as Service Center sends it.
 * @example
 * notUpgraded() // throws a 400 Bad Request
 */
export function notUpgraded(): never {
  throw new PlainTextAnswer(400, 'Bad Request\n', { 'Sec-Websocket-Version': '13' })
}

/**
 * The `tags` and `rev` options shared by the instance reads.
 * @example
 * readOptions(new URLSearchParams('tags=a,b&rev=1'))
 */
export function readOptions(query: OperationInput['query']) {
  const options: { tags?: string[]; rev?: string } = {}
  const tags = listParam(query, 'tags')
  const rev = revOf(query)
  if (tags) options.tags = tags
  if (rev) options.rev = rev
  return options
}
