import { type HttpHandler, http } from 'msw'
import { InvalidFaultRuleError } from '../faults/errors.ts'
import type { FaultRule } from '../faults/types.ts'
import type { CseMock } from '../mock.ts'
import { InvalidSeedOptionsError } from '../seed/options.ts'
import { readControlBody } from './body.ts'
import { changeFeedOf } from './change-feed.ts'
import { checkSnapshot } from './check-snapshot.ts'
import { clockStateOf } from './clock-state.ts'
import { refuseControlCall } from './control-access.ts'
import { advanceInput, profileInput, requestFilterInput, seedInput } from './inputs.ts'
import { inspectorRoutes } from './inspector-routes.ts'
import { ControlError, controlErrorResponse, controlJson, controlNoContent } from './respond.ts'
import type { ControlRoute } from './route.ts'

/**
 * The path prefix reserved for the control API; registry paths all start with `/v4`.
 * @example
 * await fetch(`http://127.0.0.1:30100${CONTROL_PREFIX}/faults`)
 */
export const CONTROL_PREFIX = '/__cse-mock'

/**
 * Where the standalone server serves the inspector page.
 * @example
 * console.log(`open ${server.url}${INSPECTOR_PATH}`)
 */
export const INSPECTOR_PATH = `${CONTROL_PREFIX}/ui`

/**
 * Builds the MSW handlers of the control API under `/__cse-mock/`: reset, seed, snapshot, clock,
 * profile, faults and the request log, plus a JSON 404/405 for anything else under the prefix.
 * Bad input answers 400 with `{ error: { code, message } }`; no input makes a handler throw.
 * With RBAC on, refusals are the registry's own (see `refuseControlCall`).
 * @example
 * const server = setupServer(...createControlHandlers(mock), ...mock.handlers)
 * await fetch('http://127.0.0.1:30100/__cse-mock/reset', { method: 'POST' })
 */
export function createControlHandlers(
  mock: CseMock,
  baseUrl = '*',
  extraRoutes: readonly ControlRoute[] = [],
): HttpHandler[] {
  const routes = [...extraRoutes, ...controlRoutes(mock)]
  const prefix = `${baseUrl === '*' ? '*' : baseUrl.replace(/\/+$/, '')}${CONTROL_PREFIX}`
  const handlers = routes.map((route) =>
    http[route.method](`${prefix}${route.path}`, ({ request, params }) =>
      guard(async () => {
        const refused = await refuseControlCall(mock.registry, route.operationId, request)
        if (refused) return refused
        return route.handle({ request, url: new URL(request.url), params: flat(params) })
      }),
    ),
  )
  handlers.push(http.all(`${prefix}/*`, ({ request }) => guard(() => unrouted(routes, request))))
  return handlers
}

function controlRoutes(mock: CseMock): ControlRoute[] {
  const feed = changeFeedOf(mock)
  // Faults, clock, profile or the request log changed: the inspector reads them again.
  const changed = <T>(value: T): T => {
    feed.notify({ type: 'control' })
    return value
  }
  return [
    {
      operationId: 'reset',
      method: 'post',
      path: '/reset',
      handle: async () => {
        await mock.reset()
        return changed(controlNoContent())
      },
    },
    {
      operationId: 'seed',
      method: 'post',
      path: '/seed',
      handle: async ({ request }) => {
        const options = seedInput(await readControlBody(request))
        try {
          await mock.seed(options)
        } catch (error) {
          if (error instanceof InvalidSeedOptionsError) {
            throw new ControlError(400, error.code, error.message)
          }
          throw error
        }
        return changed(controlNoContent())
      },
    },
    {
      operationId: 'getSnapshot',
      method: 'get',
      path: '/snapshot',
      handle: () => controlJson(200, mock.snapshot()),
    },
    {
      operationId: 'putSnapshot',
      method: 'put',
      path: '/snapshot',
      handle: async ({ request }) => {
        const snapshot = checkSnapshot(await readControlBody(request))
        const before = mock.snapshot()
        try {
          await mock.restore(snapshot)
        } catch (error) {
          // Whatever part of the snapshot got in, the registry goes back to where it was.
          await mock.restore(before)
          const reason = error instanceof Error ? error.message : String(error)
          throw new ControlError(400, 'INVALID_SNAPSHOT', `The snapshot was refused: ${reason}`)
        } finally {
          feed.notify({ type: 'control' })
        }
        return controlNoContent()
      },
    },
    {
      operationId: 'getClock',
      method: 'get',
      path: '/clock',
      handle: () => controlJson(200, clockStateOf(mock)),
    },
    {
      operationId: 'advanceClock',
      method: 'post',
      path: '/clock/advance',
      handle: async ({ request }) => {
        const ms = advanceInput(await readControlBody(request))
        if (!clockStateOf(mock).virtual) {
          throw new ControlError(
            409,
            'CLOCK_NOT_VIRTUAL',
            "The mock runs on the system clock, which cannot be advanced. Start it with the virtual clock (clock: 'virtual', or --clock virtual).",
          )
        }
        mock.advance(ms)
        return changed(controlJson(200, clockStateOf(mock)))
      },
    },
    {
      operationId: 'getProfile',
      method: 'get',
      path: '/profile',
      handle: () => controlJson(200, { profile: mock.registry.profile }),
    },
    {
      operationId: 'putProfile',
      method: 'put',
      path: '/profile',
      handle: async ({ request }) => {
        mock.setProfile(profileInput(await readControlBody(request)))
        return changed(controlJson(200, { profile: mock.registry.profile }))
      },
    },
    {
      operationId: 'listFaults',
      method: 'get',
      path: '/faults',
      handle: () => controlJson(200, { faults: mock.faults.list() }),
    },
    {
      operationId: 'addFault',
      method: 'post',
      path: '/faults',
      handle: async ({ request }) => {
        const body = await readControlBody(request)
        try {
          return changed(controlJson(201, mock.faults.add(body as FaultRule)))
        } catch (error) {
          if (error instanceof InvalidFaultRuleError) {
            throw new ControlError(400, error.code, error.message)
          }
          throw error
        }
      },
    },
    {
      operationId: 'clearFaults',
      method: 'delete',
      path: '/faults',
      handle: () => {
        mock.faults.clear()
        return changed(controlNoContent())
      },
    },
    {
      operationId: 'removeFault',
      method: 'delete',
      path: '/faults/:id',
      handle: ({ params }) => {
        const id = params.id ?? ''
        if (!mock.faults.remove(id)) {
          throw new ControlError(404, 'FAULT_NOT_FOUND', `No active fault has the id "${id}".`)
        }
        return changed(controlNoContent())
      },
    },
    {
      operationId: 'listRequests',
      method: 'get',
      path: '/requests',
      handle: ({ url }) =>
        controlJson(200, { requests: mock.requests.list(requestFilterInput(url.searchParams)) }),
    },
    {
      operationId: 'clearRequests',
      method: 'delete',
      path: '/requests',
      handle: () => {
        mock.requests.clear()
        return changed(controlNoContent())
      },
    },
    ...inspectorRoutes(mock, feed),
  ]
}

function unrouted(routes: ControlRoute[], request: Request): Response {
  const pathname = new URL(request.url).pathname
  const tail = pathname.slice(pathname.indexOf(CONTROL_PREFIX) + CONTROL_PREFIX.length)
  const allowed = routes
    .filter((route) => new RegExp(`^${route.path.replace(/:[a-z]+/g, '[^/]+')}/?$`).test(tail))
    .map((route) => route.method.toUpperCase())
  if (allowed.length > 0) {
    throw new ControlError(
      405,
      'METHOD_NOT_ALLOWED',
      `${request.method} is not allowed on ${CONTROL_PREFIX}${tail}; use ${allowed.join(', ')}.`,
      { Allow: allowed.join(', ') },
    )
  }
  throw new ControlError(
    404,
    'NOT_FOUND',
    `${CONTROL_PREFIX}${tail} is not a control endpoint; see docs/faults.md for the list.`,
  )
}

async function guard(run: () => Response | Promise<Response>): Promise<Response> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof ControlError) return controlErrorResponse(error)
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      return controlErrorResponse(
        new ControlError(400, 'INVALID_BODY', 'The body is nested too deeply to be read.'),
      )
    }
    const reason = error instanceof Error ? error.message : String(error)
    return controlErrorResponse(new ControlError(500, 'INTERNAL_ERROR', reason))
  }
}

function flat(params: Record<string, string | readonly string[] | undefined>) {
  const result: Record<string, string> = {}
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'string') result[key] = value
  }
  return result
}
