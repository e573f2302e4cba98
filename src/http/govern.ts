import { RegistryError } from '../registry/errors.ts'
import { checkGoField, ENV_PATTERN } from './go-validation.ts'
import { defineOperation } from './operation.ts'
import { lenientFlag } from './query.ts'

const GOVERN = '/v4/:project/govern'

/** `GET /v4/{project}/govern/apps?env=&withShared=`. */
export const listApps = defineOperation({
  operationId: 'listApps',
  method: 'get',
  path: `${GOVERN}/apps`,
  handle: ({ registry, ctx, query }) => {
    const env = query.get('env') ?? ''
    checkGoField('GetAppsRequest', 'Environment', env, { pattern: ENV_PATTERN })
    return {
      body: registry.listApps(ctx, { env, withShared: lenientFlag(query, 'withShared') }),
    }
  },
})

/** `GET /v4/{project}/govern/microservices?options=&appId=&serviceName=&env=&property=&countOnly=`. */
export const listServiceDetails = defineOperation({
  operationId: 'listServiceDetails',
  method: 'get',
  path: `${GOVERN}/microservices`,
  handle: ({ registry, ctx, query }) => {
    const countOnly = query.get('countOnly') ?? ''
    if (countOnly !== '0' && countOnly !== '1' && countOnly.trim() !== '') {
      throw new RegistryError('400001', 'parameter countOnly must be 1 or 0')
    }
    return {
      body: registry.listServiceDetails(ctx, {
        options: (query.get('options') ?? '').split(','),
        appId: query.get('appId') ?? undefined,
        serviceName: query.get('serviceName') ?? undefined,
        env: query.get('env') ?? undefined,
        properties: propertiesOf(query.getAll('property')),
        withShared: lenientFlag(query, 'withShared'),
        countOnly: countOnly === '1',
      }),
    }
  },
})

/** `property=key:value` pairs as Service Center reads them: `key` alone is an empty value. */
function propertiesOf(pairs: string[]): Record<string, string> {
  const properties: Record<string, string> = {}
  for (const pair of pairs) {
    const colon = pair.indexOf(':')
    if (colon < 0) properties[pair] = ''
    else properties[pair.slice(0, colon)] = pair.slice(colon + 1)
  }
  return properties
}

/** `GET /v4/{project}/govern/microservices/{serviceId}`. */
export const getServiceDetail = defineOperation({
  operationId: 'getServiceDetail',
  method: 'get',
  path: `${GOVERN}/microservices/:serviceId`,
  handle: ({ registry, ctx, params }) => ({
    body: registry.getServiceDetail(ctx, params.serviceId!),
  }),
})

/** `GET /v4/{project}/govern/relations?withShared=`. */
export const getRelations = defineOperation({
  operationId: 'getRelations',
  method: 'get',
  path: `${GOVERN}/relations`,
  handle: ({ registry, ctx, query }) => ({
    body: registry.getRelations(ctx, { withShared: lenientFlag(query, 'withShared') }),
  }),
})

/** `GET /v4/{project}/govern/statistics`. */
export const getStatistics = defineOperation({
  operationId: 'getStatistics',
  method: 'get',
  path: `${GOVERN}/statistics`,
  handle: ({ registry, ctx }) => ({ body: registry.getStatistics(ctx) }),
})
