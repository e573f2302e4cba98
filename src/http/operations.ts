import * as accounts from './accounts.ts'
import * as dependencies from './dependencies.ts'
import * as discovery from './discovery.ts'
import * as govern from './govern.ts'
import * as instances from './instances.ts'
import * as microservices from './microservices.ts'
import type { OperationDefinition } from './operation.ts'
import * as roles from './roles.ts'
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
  system.getRootVersion,
  system.getRootHealth,
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
  govern.listApps,
  govern.listServiceDetails,
  govern.getServiceDetail,
  govern.getRelations,
  govern.getStatistics,
  accounts.createAccount,
  accounts.batchCreateAccounts,
  accounts.listAccounts,
  accounts.getAccount,
  accounts.updateAccount,
  accounts.deleteAccount,
  accounts.changePassword,
  accounts.listAccountLocks,
  accounts.listSelfPerms,
  roles.listRoles,
  roles.createRole,
  roles.getRole,
  roles.updateRole,
  roles.deleteRole,
]

interface CompiledRoute {
  operation: OperationDefinition
  /** The operation's method, upper case. */
  method: string
  regexp: RegExp
  /** Parameter names in the order of the regexp's groups. */
  names: readonly string[]
}

const compiled: CompiledRoute[] = OPERATIONS.map((operation) => ({
  operation,
  method: operation.method.toUpperCase(),
  // Exact paths: Service Center's router answers 404 for a trailing slash.
  regexp: new RegExp(`^${operation.path.replace(/:([A-Za-z]+)/g, '([^/]+)')}$`),
  names: [...operation.path.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1]!),
}))

/**
 * Routes by their number of `/`: a parameter never spans one, so a path can only match routes
 * with as many. Keeps each route's order within a bucket.
 */
const bySlashes = new Map<number, CompiledRoute[]>()
for (const route of compiled) {
  const slashes = countSlashes(route.operation.path)
  bySlashes.set(slashes, [...(bySlashes.get(slashes) ?? []), route])
}

function countSlashes(path: string): number {
  let count = 0
  for (let i = 0; i < path.length; i++) if (path.charCodeAt(i) === 47) count++
  return count
}

function candidatesOf(pathname: string): CompiledRoute[] {
  return bySlashes.get(countSlashes(pathname)) ?? []
}

/**
 * The methods a URL path allows, for the 405 answer when only the method is wrong (empty when
 * no route matches the path). `present` leaves out routes the registry as configured does not
 * have.
 * @example
 * allowedMethods('/v4/default/registry/version') // ['GET']
 */
export function allowedMethods(
  pathname: string,
  present?: (operation: OperationDefinition) => boolean,
): string[] {
  const allowed: string[] = []
  for (const route of candidatesOf(pathname)) {
    if (allowed.includes(route.method)) continue
    if (present && !present(route.operation)) continue
    if (route.regexp.test(pathname)) allowed.push(route.method)
  }
  return allowed
}

/**
 * The operation for a method and URL path, with its path parameters (percent-decoded, as MSW
 * decodes them), or `undefined`. Used where MSW's own matching is not available (fallback,
 * server, faults, shadow mode); a request path tries only the routes of its method and stops at
 * the first that matches.
 * @example
 * findOperation('GET', '/v4/default/registry/version')?.operation.operationId // 'getVersion'
 */
export function findOperation(
  method: string,
  pathname: string,
): { operation: OperationDefinition; params: Record<string, string> } | undefined {
  const wanted = method.toUpperCase()
  for (const route of candidatesOf(pathname)) {
    if (route.method !== wanted) continue
    const match = route.regexp.exec(pathname)
    if (match) return { operation: route.operation, params: decodeParams(route, match) }
  }
  return undefined
}

function decodeParams(route: CompiledRoute, match: RegExpExecArray): Record<string, string> {
  const params: Record<string, string> = {}
  for (let i = 0; i < route.names.length; i++) {
    params[route.names[i]!] = decodeSegment(match[i + 1]!)
  }
  return params
}

/** MSW keeps a segment that does not decode as it is; so does this. */
function decodeSegment(raw: string): string {
  if (!raw.includes('%')) return raw
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}
