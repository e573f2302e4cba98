import type { components } from '../generated/schema.ts'
import { RegistryError } from '../registry/errors.ts'
import { MODIFY_SCHEMA_REQUEST, MODIFY_SCHEMAS_REQUEST } from './go-request-rules.ts'
import { checkGoStruct } from './go-struct.ts'
import { defineOperation } from './operation.ts'

type Schema = components['schemas']['Schema']

const SCHEMAS = '/v4/:project/registry/microservices/:serviceId/schemas'

/** `GET …/schemas?withSchema=0|1`. */
export const listSchemas = defineOperation({
  operationId: 'listSchemas',
  method: 'get',
  path: SCHEMAS,
  handle: ({ registry, ctx, params, query }) => {
    const withSchema = query.get('withSchema') ?? '0'
    if (withSchema !== '0' && withSchema !== '1') {
      throw new RegistryError('400001', 'parameter withSchema must be 0 or 1')
    }
    return { body: registry.listSchemas(ctx, params.serviceId!, withSchema === '1') }
  },
})

/** `POST …/schemas`: replaces the service's whole schema set. */
export const putSchemas = defineOperation({
  operationId: 'putSchemas',
  method: 'post',
  path: SCHEMAS,
  // Service Center answers every failure of this validator with the same text.
  goValidate: ({ body, params }) => {
    try {
      checkGoStruct(MODIFY_SCHEMAS_REQUEST, { ...asObject(body), serviceId: params.serviceId })
    } catch (error) {
      if (error instanceof RegistryError) throw new RegistryError('400001', 'Invalid request.')
      throw error
    }
  },
  handle: async ({ registry, ctx, params, body }) => {
    const schemas = (body as { schemas: Schema[] }).schemas
    await registry.putSchemas(ctx, params.serviceId!, schemas)
    return {}
  },
})

/** `GET …/schemas/{schemaId}`: the summary travels in `X-Schema-Summary`. */
export const getSchema = defineOperation({
  operationId: 'getSchema',
  method: 'get',
  path: `${SCHEMAS}/:schemaId`,
  handle: ({ registry, ctx, params }) => {
    const { schema, summary } = registry.getSchema(ctx, params.serviceId!, params.schemaId!)
    return {
      body: schema === undefined ? {} : { schema },
      headers: { 'X-Schema-Summary': summary ?? '' },
    }
  },
})

/** `PUT …/schemas/{schemaId}`. */
export const putSchema = defineOperation({
  operationId: 'putSchema',
  method: 'put',
  path: `${SCHEMAS}/:schemaId`,
  goValidate: ({ body, params }) =>
    checkGoStruct(MODIFY_SCHEMA_REQUEST, {
      ...asObject(body),
      serviceId: params.serviceId,
      schemaId: params.schemaId,
    }),
  handle: async ({ registry, ctx, params, body }) => {
    const { schema, summary } = body as { schema: string; summary?: string }
    await registry.putSchema(
      ctx,
      params.serviceId!,
      params.schemaId!,
      summary === undefined ? { schema } : { schema, summary },
    )
    return {}
  },
})

/** `DELETE …/schemas/{schemaId}`. */
export const deleteSchema = defineOperation({
  operationId: 'deleteSchema',
  method: 'delete',
  path: `${SCHEMAS}/:schemaId`,
  handle: async ({ registry, ctx, params }) => {
    await registry.deleteSchema(ctx, params.serviceId!, params.schemaId!)
    return {}
  },
})

/** A JSON object body, or an empty one for anything else (Go decodes those to zero values). */
function asObject(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {}
}
