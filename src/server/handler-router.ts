import { HttpHandler, type RequestHandler } from 'msw'
import { CONTROL_PREFIX, createControlHandlers } from '../control/index.ts'
import type { OperationDefinition } from '../http/operation.ts'
import { matchOperation, OPERATIONS } from '../http/operations.ts'
import type { CseMock } from '../mock.ts'

/** Picks the handlers worth trying for a request; the full list is the fallback. */
export interface HandlerRouter {
  /** Every handler, control API first: what MSW would try in order. */
  readonly all: RequestHandler[]
  /** The one or few handlers that can answer this method and path. */
  route(method: string, pathname: string): RequestHandler[]
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
  const control = createControlHandlers(mock, baseUrl)
  const registry = mock.handlers
  const all = [...control, ...registry]
  const byOperation = new Map<OperationDefinition, RequestHandler[]>()
  for (const operation of OPERATIONS) {
    const handler = registry.find((candidate) => serves(candidate, operation, baseUrl))
    if (handler) byOperation.set(operation, [handler])
  }
  return {
    all,
    route(method, pathname) {
      if (pathname.startsWith(CONTROL_PREFIX)) return control
      const { operation } = matchOperation(method, pathname)
      return (operation && byOperation.get(operation)) ?? registry
    },
  }
}

function serves(handler: RequestHandler, operation: OperationDefinition, baseUrl: string) {
  if (!(handler instanceof HttpHandler)) return false
  const { method, path } = handler.info
  const origin = baseUrl === '*' ? '*' : baseUrl
  return method === operation.method.toUpperCase() && path === `${origin}${operation.path}`
}
