import { ADD_SERVICE_TAGS_REQUEST, UPDATE_SERVICE_TAG_REQUEST } from './go-request-rules.ts'
import { checkGoStruct } from './go-struct.ts'
import { defineOperation } from './operation.ts'

const TAGS = '/v4/:project/registry/microservices/:serviceId/tags'

/** `POST …/tags`: replaces the whole tag set (reference §8.1). */
export const setTags = defineOperation({
  operationId: 'setTags',
  method: 'post',
  path: TAGS,
  goValidate: ({ body, params }) =>
    checkGoStruct(ADD_SERVICE_TAGS_REQUEST, {
      serviceId: params.serviceId,
      tags: (body as { tags?: unknown } | undefined)?.tags,
    }),
  handle: async ({ registry, ctx, params, body }) => {
    const tags = (body as { tags?: Record<string, string> } | undefined)?.tags ?? {}
    await registry.setTags(ctx, params.serviceId!, tags)
    return {}
  },
})

/** `GET …/tags`. */
export const getTags = defineOperation({
  operationId: 'getTags',
  method: 'get',
  path: TAGS,
  handle: ({ registry, ctx, params }) => ({ body: registry.getTags(ctx, params.serviceId!) }),
})

/** `PUT …/tags/{key}?value=`: the key must already exist. */
export const updateTag = defineOperation({
  operationId: 'updateTag',
  method: 'put',
  path: `${TAGS}/:key`,
  goValidate: ({ params, query }) =>
    checkGoStruct(UPDATE_SERVICE_TAG_REQUEST, {
      serviceId: params.serviceId,
      key: params.key,
      value: query.get('value') ?? '',
    }),
  handle: async ({ registry, ctx, params, query }) => {
    await registry.updateTag(ctx, params.serviceId!, params.key!, query.get('value') ?? '')
    return {}
  },
})

/** `DELETE …/tags/{key1,key2}`: all or nothing. */
export const deleteTags = defineOperation({
  operationId: 'deleteTags',
  method: 'delete',
  path: `${TAGS}/:key`,
  handle: async ({ registry, ctx, params }) => {
    await registry.deleteTags(ctx, params.serviceId!, params.key!.split(','))
    return {}
  },
})
