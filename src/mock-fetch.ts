import { getResponse, type RequestHandler } from 'msw'
import { withControlHandlers } from './control/index.ts'
import { fromFetchRequest } from './http/incoming.ts'
import {
  type OperationDefinition,
  type OperationRunner,
  operationOf,
  operationRunnerOf,
} from './http/operation.ts'
import { findOperation } from './http/operations.ts'
import { textResponse, toFetchResponse } from './http/respond.ts'
import type { CseMock } from './mock.ts'

/**
 * The `fetch` of a mock: answers a request through the mock's own handlers without any network
 * interception. Registry calls go straight to their operation's runner (validation, faults,
 * request log and all, as with MSW); the control API and anything else go through MSW's
 * `getResponse` with the same handlers `setupCseMock` serves. Unknown paths get Go's plain-text
 * 404, as the standalone server answers them.
 * @example
 * const client = createRegistryClient({ baseUrl: 'http://cse.test', fetch: mock.fetch })
 */
export function createMockFetch(mock: () => CseMock, baseUrl = '*'): typeof fetch {
  let runners: Map<OperationDefinition, OperationRunner> | undefined
  let handlers: RequestHandler[] | undefined
  const runnerFor = (operation: OperationDefinition) => {
    if (!runners) {
      runners = new Map()
      for (const handler of mock().handlers) {
        const served = operationOf(handler)
        const runner = operationRunnerOf(handler)
        if (served && runner && !runners.has(served)) runners.set(served, runner)
      }
    }
    return runners.get(operation)
  }
  return async (input, init) => {
    const request = new Request(input, init)
    const url = new URL(request.url)
    if (baseUrl === '*' || url.origin === new URL(baseUrl).origin) {
      const found = findOperation(request.method, url.pathname)
      const runner = found && runnerFor(found.operation)
      if (runner) return toFetchResponse(await runner(fromFetchRequest(request, found.params, url)))
    }
    handlers ??= withControlHandlers(mock(), baseUrl)
    const response = await getResponse(handlers, request)
    return response ?? textResponse(404, '404 page not found')
  }
}
