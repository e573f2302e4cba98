import * as dependencies from './dependencies.ts'
import * as discovery from './discovery.ts'
import * as instances from './instances.ts'
import * as microservices from './microservices.ts'
import type { OperationDefinition } from './operation.ts'
import * as schemas from './schemas.ts'
import * as system from './system.ts'
import * as tags from './tags.ts'

/**
 * Every operation the mock routes, one per spec operationId.
 * @example
 * OPERATIONS.find((op) => op.operationId === 'findInstances')
 */
export const OPERATIONS: readonly OperationDefinition[] = [
  system.getVersion,
  system.getHealth,
  system.checkExistence,
  system.createToken,
  microservices.createService,
  microservices.listServices,
  microservices.deleteServices,
  microservices.getService,
  microservices.deleteService,
  microservices.updateServiceProperties,
  tags.setTags,
  tags.getTags,
  tags.updateTag,
  tags.deleteTags,
  schemas.listSchemas,
  schemas.putSchemas,
  schemas.getSchema,
  schemas.putSchema,
  schemas.deleteSchema,
  instances.registerInstance,
  instances.listInstances,
  instances.getInstance,
  instances.deregisterInstance,
  instances.updateInstanceStatus,
  instances.updateInstanceProperties,
  instances.heartbeat,
  instances.heartbeatWebSocket,
  discovery.heartbeats,
  discovery.findInstances,
  discovery.batchFindInstances,
  discovery.updateInstancesStatus,
  dependencies.listProviders,
  dependencies.listConsumers,
  dependencies.addDependencies,
  dependencies.putDependencies,
  dependencies.watch,
]

interface CompiledRoute {
  operation: OperationDefinition
  regexp: RegExp
}

const compiled: CompiledRoute[] = OPERATIONS.map((operation) => ({
  operation,
  regexp: new RegExp(`^${operation.path.replace(/:[A-Za-z]+/g, '[^/]+')}/?$`),
}))

/**
 * Finds the operation for a method and URL path, or the methods the path allows when only the
 * method is wrong. Used where MSW's own matching is not available (fallback, server, faults).
 * @example
 * matchOperation('GET', '/v4/default/registry/version') // { operation, allowed: ['GET'] }
 */
export function matchOperation(method: string, pathname: string) {
  const allowed: string[] = []
  let operation: OperationDefinition | undefined
  for (const route of compiled) {
    if (!route.regexp.test(pathname)) continue
    const routeMethod = route.operation.method.toUpperCase()
    if (!allowed.includes(routeMethod)) allowed.push(routeMethod)
    if (routeMethod === method.toUpperCase()) operation ??= route.operation
  }
  return { operation, allowed }
}
