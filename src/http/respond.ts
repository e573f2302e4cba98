import { RegistryError } from '../registry/errors.ts'

const JSON_TYPE = 'application/json; charset=UTF-8'
const TEXT_TYPE = 'text/plain; charset=UTF-8'

/** What a registry operation hands back to the HTTP layer. */
export interface OperationResult {
  /** JSON body; `undefined` answers 200 with an empty `text/plain` body, as the registry does. */
  body?: unknown
  /** Extra response headers, e.g. `X-Resource-Revision`. */
  headers?: Record<string, string>
  /** 304 when the client's `rev` is current. */
  notModified?: boolean
}

/**
 * Turns an operation result into the registry's wire form.
 * @example
 * toResponse({ body: { serviceId: 'abc' } }) // 200 application/json
 */
export function toResponse(result: OperationResult): Response {
  const headers = new Headers(result.headers)
  if (result.notModified) {
    return new Response(null, { status: 304, headers })
  }
  if (result.body === undefined) {
    headers.set('Content-Type', TEXT_TYPE)
    return new Response('', { status: 200, headers })
  }
  headers.set('Content-Type', JSON_TYPE)
  return new Response(JSON.stringify(result.body), { status: 200, headers })
}

/**
 * Renders a registry error as `{ errorCode, errorMessage, detail }` with HTTP status = code / 1000.
 * @example
 * errorResponse(new RegistryError('400012', 'Service does not exist.'))
 */
export function errorResponse(error: RegistryError): Response {
  return new Response(JSON.stringify(error.toErrorBody()), {
    status: error.status,
    headers: { 'Content-Type': JSON_TYPE },
  })
}

/**
 * Turns anything thrown by an operation into a Response: registry errors as they are, and
 * anything else as 500003 so a bug never surfaces as a crash or a hang.
 * @example
 * const response = toErrorResponse(caught)
 */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof RegistryError) return errorResponse(error)
  const detail = error instanceof Error ? error.message : String(error)
  return errorResponse(new RegistryError('500003', detail))
}

/**
 * A plain-text answer for framework-level outcomes (unknown route, wrong method), which the
 * registry sends as text, not as its error envelope (reference §1.5).
 * @example
 * textResponse(404, '404 page not found')
 */
export function textResponse(status: number, text: string, headers?: Record<string, string>) {
  return new Response(text, {
    status,
    headers: { 'Content-Type': TEXT_TYPE, ...headers },
  })
}
