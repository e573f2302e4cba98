import type { components } from '../generated/schema.ts'
import { RegistryError } from '../registry/errors.ts'
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
