import { type HttpHandler, http, type RequestHandler } from 'msw'
import { fromFetchRequest } from './incoming.ts'
import {
  type OperationDefinition,
  type OperationRunner,
  operationOf,
  operationRunnerOf,
} from './operation.ts'
import { findOperation } from './operations.ts'
import { toFetchResponse } from './respond.ts'

/**
 * One MSW handler in front of the per-operation handlers: it names the operation from the route
 * table and calls that handler's runner. MSW tries handlers one by one, parsing each pattern
 * against the URL (a few microseconds each); behind the control API a discovery call was tried
 * against some fifty of them. Anything the route table does not name falls through (the
 * resolver returns nothing) to the handlers behind, which answer exactly as before.
 * @example
 * const server = setupServer(createDispatchHandler(mock.handlers, '*'), ...mock.handlers)
 */
export function createDispatchHandler(
  handlers: readonly RequestHandler[],
  baseUrl: string,
): HttpHandler {
  const runners = new Map<OperationDefinition, OperationRunner>()
  for (const handler of handlers) {
    const operation = operationOf(handler)
    const runner = operationRunnerOf(handler)
    // MSW would answer with the first handler of an operation; so does the dispatcher.
    if (operation && runner && !runners.has(operation)) runners.set(operation, runner)
  }
  const pattern = baseUrl === '*' ? '*/v4/*' : `${baseUrl}/v4/*`
  return http.all(pattern, ({ request }) => {
    const url = new URL(request.url)
    const found = findOperation(request.method, url.pathname)
    const runner = found && runners.get(found.operation)
    return runner
      ? runner(fromFetchRequest(request, found.params, url)).then(toFetchResponse)
      : undefined
  })
}
