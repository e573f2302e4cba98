import type { IncomingMessage, ServerResponse } from 'node:http'
import { getResponse, type RequestHandler } from 'msw'
import { allowedControlMethods } from '../control/allowed-methods.ts'
import { CONTROL_PREFIX } from '../control/handlers.ts'
import { ControlError, controlErrorResponse } from '../control/respond.ts'
import type { RequestLogEntry } from '../faults/types.ts'
import { fallbackResponse } from '../http/fallback.ts'
import type { Answer } from '../http/operation.ts'
import { renderError } from '../http/respond.ts'
import { applyCors } from './cors.ts'
import type { DirectRoute } from './handler-router.ts'
import { logEntryOf } from './log-entry.ts'
import { fromNodeRequest } from './node-incoming.ts'
import { targetOf } from './request-target.ts'
import { toFetchRequest } from './to-request.ts'
import { writeFetchResponse, writeRendered } from './write-response.ts'

/** What the request listener needs from the server around it. */
export interface RequestListenerOptions {
  /**
   * The handlers worth trying for a method and path, then the full list to fall back to when
   * none of those answers.
   */
  handlers(method: string, pathname: string): { routed: RequestHandler[]; all: RequestHandler[] }
  /**
   * The operation runner that answers this method and path without MSW, if any; every other
   * request goes through the handlers.
   */
  direct?: ((method: string, pathname: string) => DirectRoute | undefined) | undefined
  /** The server's origin, e.g. `http://127.0.0.1:30100`. */
  origin(): string
  /** True once the server is closing: responses then ask the client to close the connection. */
  closing(): boolean
  /** Called once per request after its response is written (or its connection dropped). */
  onRequest?: ((entry: RequestLogEntry) => void) | undefined
  /**
   * Looks at a request before anything answers it; a Response refuses it (the origin guard of
   * the control API), `undefined` lets it through.
   */
  guard?: ((req: IncomingMessage, pathname: string) => Response | undefined) | undefined
  /** Numbers requests for the log when another path shares the count; default its own count. */
  nextSeq?: (() => number) | undefined
}

/** Methods a WHATWG `Request` cannot carry; they get the registry's 405 or 404, never a 500. */
const UNCARRIED_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK'])

/**
 * Builds the `node:http` request listener that answers through MSW's `getResponse`: no handler
 * → Go's plain-text 404, a thrown error → the registry's 500 envelope, `Response.error()` → the
 * connection is dropped.
 * @example
 * const server = createServer(createRequestListener({ handlers: () => ({ routed: mock.handlers, all: mock.handlers }), origin: () => url, closing: () => false }))
 */
export function createRequestListener(options: RequestListenerOptions) {
  let seq = 0
  const next = options.nextSeq ?? (() => ++seq)
  // The promise is handed back so the caller can catch what `answer` did not (see `contain`):
  // a rejection nobody handles stops the process.
  return (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    return answer(req, res, options, next())
  }
}

async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  options: RequestListenerOptions,
  seq: number,
): Promise<void> {
  const started = performance.now()
  const time = Date.now()
  // Built on first use: registry calls on the direct route never need one.
  let abort: AbortController | undefined
  const signal = () => {
    if (!abort) {
      const controller = new AbortController()
      abort = controller
      if (hungUp(req, res)) controller.abort()
      else {
        res.once('close', () => {
          if (!res.writableFinished) controller.abort()
        })
      }
    }
    return abort.signal
  }
  let status = 0
  let operationId: string | undefined
  try {
    if (applyCors(req, res)) {
      status = 200
    } else {
      const answer = await respond(req, options, signal, (id) => {
        operationId = id
      })
      if ((answer instanceof Response && answer.type === 'error') || hungUp(req, res)) {
        req.socket.destroy()
      } else {
        status = answer.status
        // An unread request body would be parsed as the next request of a kept-alive connection.
        if (options.closing() || !req.complete) res.setHeader('Connection', 'close')
        if (answer instanceof Response) await writeFetchResponse(res, answer)
        else writeRendered(res, answer)
      }
    }
  } catch {
    // The client went away while the body was being written; nothing is left to answer.
    status = res.headersSent ? status : 0
    res.destroy()
  }
  // A client that hung up before its answer was written got nothing: the log says 0.
  if (hungUp(req, res)) status = 0
  try {
    options.onRequest?.(
      logEntryOf(
        req.method ?? 'GET',
        req.url ?? '/',
        seq,
        time,
        status,
        performance.now() - started,
        operationId,
      ),
    )
  } catch {
    // A failing log listener must not turn into an unhandled rejection that stops the server.
  }
}

/** The client's connection closed before its answer was written. */
function hungUp(req: IncomingMessage, res: ServerResponse): boolean {
  return req.socket.destroyed && !res.writableFinished
}

/**
 * The answer to one request: the guard's refusal, the registry's own operations straight from
 * the Node request (no MSW), or everything else (control API, the `/v4` fallback, explicit base
 * URLs) through MSW.
 */
async function respond(
  req: IncomingMessage,
  options: RequestListenerOptions,
  signal: () => AbortSignal,
  named: (operationId: string) => void,
): Promise<Answer> {
  try {
    const origin = options.origin()
    const method = req.method ?? 'GET'
    const { pathname, search } = targetOf(req.url ?? '/', origin)
    const refusal = options.guard?.(req, pathname)
    if (refusal) return refusal
    const direct = options.direct?.(method, pathname)
    if (direct) {
      named(direct.operationId)
      return await direct.runner(
        fromNodeRequest(req, { pathname, search, params: direct.params, origin, signal }),
      )
    }
    if (UNCARRIED_METHODS.has(method.toUpperCase())) return uncarried(method, pathname)
    const request = toFetchRequest(req, origin, signal())
    const { routed, all } = options.handlers(request.method, pathname)
    const response =
      (await getResponse(routed, request)) ??
      (routed === all ? undefined : await getResponse(all, request))
    return response ?? fallbackResponse(pathname)
  } catch (error) {
    return renderError(error)
  }
}

function uncarried(method: string, pathname: string): Response {
  if (!pathname.startsWith(CONTROL_PREFIX)) return fallbackResponse(pathname)
  const allowed = allowedControlMethods(pathname)
  if (allowed.length === 0) {
    return controlErrorResponse(
      new ControlError(404, 'NOT_FOUND', `${pathname} is not a control endpoint.`),
    )
  }
  return controlErrorResponse(
    new ControlError(
      405,
      'METHOD_NOT_ALLOWED',
      `${method} is not allowed on ${pathname}; use ${allowed.join(', ')}.`,
      { Allow: allowed.join(', ') },
    ),
  )
}
