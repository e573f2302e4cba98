import type { components } from '../generated/schema.ts'
import { withoutEmptyFields } from './defaulted-fields.ts'
import { defineOperation } from './operation.ts'
import { lenientFlag, strictFlag } from './query.ts'

type CreateServiceRequest = components['schemas']['CreateServiceRequest']
type DeleteServicesRequest = components['schemas']['DeleteServicesRequest']

const SERVICES = '/v4/:project/registry/microservices'
const SERVICE = `${SERVICES}/:serviceId`

/** `POST …/microservices`: idempotent for the same identity key (reference §4.1). */
export const createService = defineOperation({
  operationId: 'createService',
  method: 'post',
  path: SERVICES,
  // Defaults come before validation: an empty appId, version, level or status is filled in.
  beforeValidation: (body) =>
    withoutEmptyFields(body, 'service', ['appId', 'version', 'level', 'status']),
  handle: async ({ registry, ctx, body }) => ({
    body: await registry.createService(ctx, body as CreateServiceRequest),
  }),
})

/** `GET …/microservices`. */
export const listServices = defineOperation({
  operationId: 'listServices',
  method: 'get',
  path: SERVICES,
  handle: ({ registry, ctx, query }) => ({
    body: registry.listServices(ctx, { withShared: lenientFlag(query, 'withShared') }),
  }),
})

/** `DELETE …/microservices`: batch delete; the profile decides the response shape. */
export const deleteServices = defineOperation({
  operationId: 'deleteServices',
  method: 'delete',
  path: SERVICES,
  handle: async ({ registry, ctx, body }) => ({
    body: await registry.deleteServices(ctx, body as DeleteServicesRequest),
  }),
})

/** `GET …/microservices/{serviceId}`. */
export const getService = defineOperation({
  operationId: 'getService',
  method: 'get',
  path: SERVICE,
  handle: ({ registry, ctx, params }) => ({ body: registry.getService(ctx, params.serviceId!) }),
})

/** `DELETE …/microservices/{serviceId}?force=`. */
export const deleteService = defineOperation({
  operationId: 'deleteService',
  method: 'delete',
  path: SERVICE,
  handle: async ({ registry, ctx, params, query }) => {
    await registry.deleteService(ctx, params.serviceId!, { force: strictFlag(query, 'force') })
    return {}
  },
})

/** `PUT …/microservices/{serviceId}/properties`: replaces the whole map (3 KiB limit). */
export const updateServiceProperties = defineOperation({
  operationId: 'updateServiceProperties',
  method: 'put',
  path: `${SERVICE}/properties`,
  maxBodyBytes: 3 * 1024,
  handle: async ({ registry, ctx, params, body }) => {
    await registry.updateServiceProperties(ctx, params.serviceId!, propertiesOf(body))
    return {}
  },
})

/**
 * The `properties` map of a `{ properties }` body; missing means "clear them all".
 * @example
 * propertiesOf({ properties: { a: '1' } }) // { a: '1' }
 */
export function propertiesOf(body: unknown): Record<string, string> | undefined {
  return (body as { properties?: Record<string, string> } | undefined)?.properties
}
