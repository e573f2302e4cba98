import type { HttpHandler } from 'msw'
import { createFallbackHandler } from './fallback.ts'
import { createOperationHandler, type HttpEnvironment } from './operation.ts'
import { OPERATIONS } from './operations.ts'

/**
 * Builds the MSW handlers of every registry operation, then the `/v4` fallback (404/405).
 * @example
 * const server = setupServer(...createHttpHandlers({ registry, validator, baseUrl: '*', interceptors: [] }))
 */
export function createHttpHandlers(env: HttpEnvironment): HttpHandler[] {
  return [
    ...OPERATIONS.map((operation) => createOperationHandler(operation, env)),
    createFallbackHandler(env.baseUrl, env.registry),
  ]
}
