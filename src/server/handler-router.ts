import { HttpHandler, type RequestHandler } from 'msw'
import { CONTROL_PREFIX, createControlHandlers } from '../control/index.ts'
import {
  type OperationDefinition,
  type OperationRunner,
  operationRunnerOf,
} from '../http/operation.ts'
import { findOperation, OPERATIONS } from '../http/operations.ts'
import type { CseMock } from '../mock.ts'
import { inspectorRoutes } from './inspector-route.ts'

/** Picks the handlers worth trying for a request; the full list is the fallback. */
export interface HandlerRouter {
  /** Every handler, control API first: what MSW would try in order. */
  readonly all: RequestHandler[]
  /** The one or few handlers that can answer this method and path. */
  route(method: string, pathname: string): RequestHandler[]
  /**
   * The runner of the operation a request is for, with its path parameters, to answer without
   * MSW: the same validation, interceptors, registry call and rendering as its handler.
   * `undefined` sends the request through MSW (control API, fallback, explicit base URLs).
   */
  direct(method: string, pathname: string): DirectRoute | undefined
}

/** An operation's runner and the path parameters of one request. */
export interface DirectRoute {
  operationId: string
  runner: OperationRunner
  params: Record<string, string>
}

/**
 * Narrows the handler list before MSW matches it. MSW tries handlers one by one at a few
 * microseconds each; with the control API in front, a discovery call would be matched against
 * some fifty patterns. The registry's own route table names the operation, so only its handler
 * is tried. The answer is the same: the router only skips handlers that could not match.
 * @example
 * const router = createHandlerRouter(mock, '*')
 * await getResponse(router.route('GET', '/v4/default/registry/version'), request)
 */
export function createHandlerRouter(mock: CseMock, baseUrl: string): HandlerRouter {
  const control = createControlHandlers(mock, baseUrl, inspectorRoutes())
  const registry = mock.handlers
  const all = [...control, ...registry]
  const byOperation = new Map<OperationDefinition, RequestHandler[]>()
  const runners = new Map<OperationDefinition, OperationRunner>()
  for (const operation of OPERATIONS) {
    const handler = registry.find((candidate) => serves(candidate, operation, baseUrl))
    if (!handler) continue
    byOperation.set(operation, [handler])
    const runner = operationRunnerOf(handler)
    // A handler for an explicit origin only answers requests to it: MSW checks that.
    if (runner && baseUrl === '*') runners.set(operation, runner)
  }
  return {
    all,
    route(method, pathname) {
      if (pathname.startsWith(CONTROL_PREFIX)) return control
      const operation = findOperation(method, pathname)?.operation
      return (operation && byOperation.get(operation)) ?? registry
    },
    direct(method, pathname) {
      if (runners.size === 0 || pathname.startsWith(CONTROL_PREFIX)) return undefined
      const found = findOperation(method, pathname)
      const runner = found && runners.get(found.operation)
      return runner
        ? { operationId: found.operation.operationId, runner, params: found.params }
        : undefined
    },
  }
}

function serves(handler: RequestHandler, operation: OperationDefinition, baseUrl: string) {
  if (!(handler instanceof HttpHandler)) return false
  const { method, path } = handler.info
  const origin = baseUrl === '*' ? '*' : baseUrl
  return method === operation.method.toUpperCase() && path === `${origin}${operation.path}`
}
