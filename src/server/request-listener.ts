import type { IncomingMessage, ServerResponse } from 'node:http'
import { getResponse, type RequestHandler } from 'msw'
import { allowedControlMethods } from '../control/allowed-methods.ts'
import { CONTROL_PREFIX } from '../control/handlers.ts'
import { ControlError, controlErrorResponse } from '../control/respond.ts'
import type { RequestLogEntry } from '../faults/types.ts'
import { fallbackResponse } from '../http/fallback.ts'
import { matchOperation } from '../http/operations.ts'
import { prerenderedRenderer } from '../http/prerendered.ts'
import { toErrorResponse } from '../http/respond.ts'
import { applyCors } from './cors.ts'
import type { DirectRoute } from './handler-router.ts'
import { fromNodeRequest } from './node-incoming.ts'
import { requestUrlOf, toFetchRequest } from './to-request.ts'
import { writeFetchResponse } from './write-response.ts'

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
  // The promise is handed back so the caller can catch what `answer` did not (see `contain`):
  // a rejection nobody handles stops the process.
  return (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    seq += 1
    return answer(req, res, options, seq)
  }
}

async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  options: RequestListenerOptions,
  seq: number,
): Promise<void> {
  const started = performance.now()
  const time = new Date().toISOString()
  const abort = new AbortController()
  res.once('close', () => {
    if (!res.writableFinished) abort.abort()
  })
  let status = 0
  try {
    const response = applyCors(req, res) ? undefined : await respond(req, options, abort.signal)
    if (!response) {
      status = 200
    } else if (response.type === 'error' || abort.signal.aborted) {
      req.socket.destroy()
    } else {
      status = response.status
      // An unread request body would be parsed as the next request of a kept-alive connection.
      if (options.closing() || !req.complete) res.setHeader('Connection', 'close')
      await writeFetchResponse(res, response)
    }
  } catch {
    // The client went away while the body was being written; nothing is left to answer.
    status = res.headersSent ? status : 0
    res.destroy()
  }
  // A client that hung up before its answer was written got nothing: the log says 0.
  if (abort.signal.aborted && !res.writableFinished) status = 0
  try {
    options.onRequest?.(entryOf(req, seq, time, status, performance.now() - started))
  } catch {
    // A failing log listener must not turn into an unhandled rejection that stops the server.
  }
}

async function respond(
  req: IncomingMessage,
  options: RequestListenerOptions,
  signal: AbortSignal,
): Promise<Response> {
  try {
    const origin = options.origin()
    const method = req.method ?? 'GET'
    const url = new URL(requestUrlOf(req, origin))
    const refusal = options.guard?.(req, url.pathname)
    if (refusal) return refusal
    const direct = options.direct?.(method, url.pathname)
    if (direct) {
      const incoming = fromNodeRequest(req, { url, params: direct.params, origin, signal })
      return await direct.runner(incoming, prerenderedRenderer)
    }
    if (UNCARRIED_METHODS.has(method.toUpperCase())) return uncarried(method, url.pathname)
    const request = toFetchRequest(req, origin, signal)
    const { routed, all } = options.handlers(request.method, url.pathname)
    const response =
      (await getResponse(routed, request)) ??
      (routed === all ? undefined : await getResponse(all, request))
    return response ?? fallbackResponse(method, url.pathname)
  } catch (error) {
    return toErrorResponse(error)
  }
}

function uncarried(method: string, pathname: string): Response {
  if (!pathname.startsWith(CONTROL_PREFIX)) return fallbackResponse(method, pathname)
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

function entryOf(
  req: IncomingMessage,
  seq: number,
  time: string,
  status: number,
  durationMs: number,
): RequestLogEntry {
  const method = req.method ?? 'GET'
  const url = req.url ?? '/'
  const entry: RequestLogEntry = { seq, time, method, url, status, durationMs }
  const { operation } = matchOperation(method, url.split('?', 1)[0] ?? url)
  if (operation) entry.operationId = operation.operationId
  return entry
}
