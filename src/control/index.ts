import type { HttpHandler } from 'msw'
import { createDispatchHandler } from '../http/dispatcher.ts'
import type { CseMock } from '../mock.ts'
import { createControlHandlers } from './handlers.ts'

export { changeFeedOf } from './change-feed.ts'
export { CONTROL_PREFIX, createControlHandlers, INSPECTOR_PATH } from './handlers.ts'
export type {
  ClockState,
  InspectorClient,
  InspectorEvent,
  RequestDetail,
} from './inspector-client.ts'
export { createMockInspectorClient } from './mock-inspector-client.ts'
export type { ControlErrorBody } from './respond.ts'
export type { ControlInput, ControlRoute } from './route.ts'

/**
 * The handlers an environment serves: the registry dispatcher, the control API, then every
 * registry handler (which answer what the dispatcher lets through).
 * @example
 * const server = setupServer(...withControlHandlers(mock))
 * server.listen()
 */
export function withControlHandlers(mock: CseMock, baseUrl = '*'): HttpHandler[] {
  return [
    // Registry calls are answered by the first handler MSW tries (see createDispatchHandler).
    createDispatchHandler(mock.handlers, baseUrl),
    ...createControlHandlers(mock, baseUrl),
    ...mock.handlers,
  ]
}
