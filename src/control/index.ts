import type { HttpHandler } from 'msw'
import type { CseMock } from '../mock.ts'
import { createControlHandlers } from './handlers.ts'

export { CONTROL_PREFIX, createControlHandlers } from './handlers.ts'
export type { ControlErrorBody } from './respond.ts'

/**
 * The handlers an environment serves: the control API first, then every registry handler.
 * @example
 * const server = setupServer(...withControlHandlers(mock))
 * server.listen()
 */
export function withControlHandlers(mock: CseMock, baseUrl = '*'): HttpHandler[] {
  return [...createControlHandlers(mock, baseUrl), ...mock.handlers]
}
