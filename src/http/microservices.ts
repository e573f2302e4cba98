import type { components } from '../generated/schema.ts'
import { RegistryError } from '../registry/errors.ts'
import type { ValidationIssue } from '../spec/validators.ts'
import { withoutEmptyFields } from './defaulted-fields.ts'
import { CREATE_SERVICE_REQUEST, DEL_SERVICES_REQUEST } from './go-service-rules.ts'
import { checkGoStruct } from './go-struct.ts'
import { defineOperation, describeIssue } from './operation.ts'
import { lenientFlag, strictFlag } from './query.ts'

type CreateServiceRequest = components['schemas']['CreateServiceRequest']
type DeleteServicesRequest = components['schemas']['DeleteServicesRequest']

const SERVICES = '/v4/:project/registry/microservices'
/** What Service Center fills into an empty appId, version, level and status before validating. */
const SERVICE_DEFAULTS = { appId: 'default', version: '0.0.1', level: 'BACK', status: 'UP' }
const SERVICE = `${SERVICES}/:serviceId`

/** `POST …/microservices`: idempotent for the same identity key (reference §4.1). */
export const createService = defineOperation({
  operationId: 'createService',
  method: 'post',
  path: SERVICES,
  // Defaults come before validation: an empty appId, version, level or status is filled in.
  beforeValidation: (body) =>
    withoutEmptyFields(body, 'service', ['appId', 'version', 'level', 'status']),
  // Service Center validates only `service` up front; tags and instances are applied once the
  // service exists, and their failures answer 400001 with the service kept (reference §4.1).
  deferIssues: (issue) => /^(tags|instances)\b/.test(issue.name),
  // Without a service Service Center answers before its validator runs; it validates the
  // service once its defaults are filled in.
  goValidate: ({ body }) => {
    const service = (body as { service?: unknown } | undefined)?.service
    if (typeof service !== 'object' || service === null || Array.isArray(service)) return
    checkGoStruct(CREATE_SERVICE_REQUEST, { service: { ...SERVICE_DEFAULTS, ...service } })
  },
  handle: async ({ registry, ctx, body, deferred }) => {
    const request = body as CreateServiceRequest
    if (deferred.length === 0) return { body: await registry.createService(ctx, request) }
    const failures = deferred.map(describeIssue)
    try {
      await registry.createService(ctx, withoutInvalidParts(request, deferred))
    } catch (error) {
      if (!(error instanceof RegistryError) || error.code !== '400001') throw error
      failures.push(error.detail ?? error.errorMessage)
    }
    throw new RegistryError('400001', failures.join('; '))
  },
})

/** The create body without the tag set or the instances that failed validation. */
function withoutInvalidParts(
  request: CreateServiceRequest,
  issues: ValidationIssue[],
): CreateServiceRequest {
  const names = issues.map((issue) => issue.name)
  const { tags, instances, ...rest } = request
  const kept: CreateServiceRequest = { ...rest }
  if (tags && !names.some((name) => name.startsWith('tags'))) kept.tags = tags
  const badInstances = new Set(
    names.map((name) => /^instances\[(\d+)\]/.exec(name)?.[1]).filter((i) => i !== undefined),
  )
  if (Array.isArray(instances) && !names.includes('instances')) {
    const goodInstances = instances.filter((_, index) => !badInstances.has(String(index)))
    if (goodInstances.length > 0) kept.instances = goodInstances
  }
  return kept
}

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
  goValidate: ({ body }) => checkGoStruct(DEL_SERVICES_REQUEST, body),
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
