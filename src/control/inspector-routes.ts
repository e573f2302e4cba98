import type { CseMock } from '../mock.ts'
import { shadowViewOf } from '../shadow/inspector-observer.ts'
import type { ChangeFeed } from './change-feed.ts'
import { eventStreamResponse } from './event-stream.ts'
import { ControlError, controlJson } from './respond.ts'
import type { ControlRoute } from './route.ts'

/**
 * The control routes the inspector reads besides the state, clock, faults and log ones: the
 * registry view with leases, the live event stream, one request log entry with its capture,
 * the shadow session's totals and latest records, and the page (answered only by the standalone server, which puts its own routes first).
 * @example
 * const routes = inspectorRoutes(mock, changeFeedOf(mock))
 */
export function inspectorRoutes(mock: CseMock, feed: ChangeFeed): ControlRoute[] {
  return [
    {
      operationId: 'getRegistryView',
      method: 'get',
      path: '/registry',
      handle: () => controlJson(200, mock.registry.inspect()),
    },
    {
      operationId: 'streamEvents',
      method: 'get',
      path: '/events',
      handle: ({ request }) => eventStreamResponse(feed, request.signal),
    },
    {
      operationId: 'getShadow',
      method: 'get',
      path: '/shadow',
      handle: () => controlJson(200, shadowViewOf(mock)),
    },
    {
      operationId: 'getRequest',
      method: 'get',
      path: '/requests/:seq',
      handle: ({ params }) => {
        const text = params.seq ?? ''
        const seq = /^[1-9]\d{0,15}$/.test(text) ? Number(text) : Number.NaN
        if (!Number.isSafeInteger(seq)) {
          throw new ControlError(
            400,
            'INVALID_QUERY',
            `The sequence number must be a positive integer, got "${text}".`,
          )
        }
        const entry = mock.requests.get(seq)
        if (!entry) {
          throw new ControlError(
            404,
            'REQUEST_NOT_FOUND',
            `The request log holds no entry ${seq}: it was never logged, or it was dropped or cleared.`,
          )
        }
        return controlJson(200, entry)
      },
    },
    // The page is the standalone server's (it adds routes for it in front of these); in the
    // page under test the panel reads the mock directly.
    ...['/ui', '/ui/', '/ui/:file'].map(
      (path): ControlRoute => ({
        operationId: path === '/ui/:file' ? 'getInspectorFile' : 'getInspectorPage',
        method: 'get',
        path,
        handle: () => {
          throw new ControlError(
            404,
            'INSPECTOR_NOT_SERVED',
            'The inspector page is served by cse-mock serve. In a page, use setupCseMockWorker({ inspector: true }) or mountCseMockInspector(mock).',
          )
        },
      }),
    ),
  ]
}
