import type { OperationCall } from '../http/operation.ts'
import type { FaultMatch } from './types.ts'

/**
 * A rule's `match`, prepared once when the rule is added.
 * @example
 * const compiled: CompiledMatch = compileMatch({ operationId: ['heartbeat', 'heartbeats'] })
 */
export interface CompiledMatch {
  operationIds?: ReadonlySet<string>
  method?: string
  path?: string
  pathRegExp?: RegExp
  serviceName?: string
}

/**
 * Prepares a match: upper-cases the method and compiles `path` as a regular expression when it
 * parses as one (it is always tried as a plain substring too).
 * @example
 * compileMatch({ method: 'put', path: '/heartbeat$' })
 */
export function compileMatch(match: FaultMatch = {}): CompiledMatch {
  const compiled: CompiledMatch = {}
  if (match.operationId !== undefined) {
    compiled.operationIds = new Set(
      Array.isArray(match.operationId) ? match.operationId : [match.operationId],
    )
  }
  if (match.method !== undefined) compiled.method = match.method.toUpperCase()
  if (match.path !== undefined) {
    compiled.path = match.path
    try {
      compiled.pathRegExp = new RegExp(match.path)
    } catch {
      // Not a regular expression (`/instances/(`): the substring test alone decides.
    }
  }
  if (match.serviceName !== undefined) compiled.serviceName = match.serviceName
  return compiled
}

/**
 * Whether the call's operation, method and path match; the service name is checked apart
 * because it may need a registry lookup.
 * @example
 * matchesRequest(compileMatch({ operationId: 'heartbeat' }), call)
 */
export function matchesRequest(match: CompiledMatch, call: OperationCall): boolean {
  if (match.operationIds && !match.operationIds.has(call.operationId)) return false
  if (match.method && match.method !== call.method.toUpperCase()) return false
  if (match.path !== undefined) {
    const pathname = call.pathname
    if (!pathname.includes(match.path) && !match.pathRegExp?.test(pathname)) return false
  }
  return true
}
