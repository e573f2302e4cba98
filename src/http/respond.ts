import { RegistryError } from '../registry/errors.ts'
import { utf8Length } from '../spec/text-length.ts'
import { goJsonText } from './go-json.ts'

const JSON_TYPE = 'application/json; charset=UTF-8'
const TEXT_TYPE = 'text/plain; charset=UTF-8'

/** What a registry operation hands back to the HTTP layer. */
export interface OperationResult {
  /** JSON body; `undefined` answers 200 with an empty `text/plain` body, as the registry does. */
  body?: unknown
  /** The JSON body already serialised (a cached answer); wins over `body`. */
  json?: SerializedJson
  /** Extra response headers, e.g. `X-Resource-Revision`. */
  headers?: Record<string, string>
  /** 304 when the client's `rev` is current. */
  notModified?: boolean
}

/**
 * A JSON body serialised once and kept: its text, and its UTF-8 bytes for adapters that write
 * bytes (encoding a large answer on every request would cost more than the lookup behind it).
 * @example
 * const json: SerializedJson = { text: '{}', utf8: new TextEncoder().encode('{}') }
 */
export interface SerializedJson {
  readonly text: string
  readonly utf8: Uint8Array
}

/**
 * A response before it becomes a `Response`: what both the MSW handlers and the standalone
 * server's direct route send, so they cannot drift apart.
 * @example
 * const answer: RenderedAnswer = { status: 200, headers: { 'Content-Type': 'text/plain; charset=UTF-8' }, body: '' }
 */
export interface RenderedAnswer {
  status: number
  headers: Record<string, string>
  /** `null` for a response without a body (304). */
  body: string | null
  /** The body's UTF-8 bytes when they are already at hand. */
  utf8?: Uint8Array
}

/**
 * Renders an operation result in the registry's wire form: JSON, the empty `text/plain` 200,
 * or 304 when the client's `rev` is current.
 * @example
 * renderResult({ body: { serviceId: 'abc' } }).status // 200
 */
export function renderResult(result: OperationResult): RenderedAnswer {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(result.headers ?? {})) {
    if (name.toLowerCase() !== 'content-type') headers[name] = value
  }
  if (result.notModified) return { status: 304, headers, body: null }
  if (result.json !== undefined) {
    headers['Content-Type'] = JSON_TYPE
    return { status: 200, headers, body: result.json.text, utf8: result.json.utf8 }
  }
  if (result.body === undefined) {
    headers['Content-Type'] = TEXT_TYPE
    return { status: 200, headers, body: '' }
  }
  headers['Content-Type'] = JSON_TYPE
  return { status: 200, headers, body: goJsonText(result.body) }
}

/**
 * Thrown by an operation that does not exist in the registry as configured (Service Center
 * registers some routes only with RBAC on): the answer is Go's plain-text 404.
 * @example
 * throw new RouteAbsentError()
 */
export class RouteAbsentError extends Error {
  constructor() {
    super('404 page not found')
    this.name = 'RouteAbsentError'
  }
}

/**
 * Thrown for an answer Go's libraries write themselves as plain text (not the registry's
 * envelope), such as gorilla/websocket's refusal of a request that is not an upgrade.
 * @example
 * throw new PlainTextAnswer(400, 'Bad Request\n', { 'Sec-Websocket-Version': '13' })
 */
export class PlainTextAnswer extends Error {
  readonly status: number
  readonly body: string
  readonly headers: Readonly<Record<string, string>>
  constructor(status: number, body: string, headers: Record<string, string> = {}) {
    super(body.trim())
    this.name = 'PlainTextAnswer'
    this.status = status
    this.body = body
    this.headers = headers
  }
}

/**
 * The headers Go's `http.Error` puts on its plain-text answers: a lower-case `utf-8`, unlike the
 * registry's own empty 200s, and `nosniff` (observed, docs/compatibility.md #34, #35).
 */
export const GO_ERROR_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/plain; charset=utf-8',
  'X-Content-Type-Options': 'nosniff',
}

/**
 * Renders anything an operation threw: registry errors as `{ errorCode, errorMessage, detail }`
 * with HTTP status = code / 1000, anything else as 500003 so a bug never surfaces as a crash.
 * @example
 * renderError(new RegistryError('400012', 'Service does not exist.')).status // 400
 */
export function renderError(error: unknown): RenderedAnswer {
  if (error instanceof RouteAbsentError) {
    return { status: 404, headers: { ...GO_ERROR_HEADERS }, body: '404 page not found\n' }
  }
  if (error instanceof PlainTextAnswer) {
    return {
      status: error.status,
      headers: { ...GO_ERROR_HEADERS, ...error.headers },
      body: error.body,
    }
  }
  const registryError =
    error instanceof RegistryError
      ? error
      : new RegistryError('500003', error instanceof Error ? error.message : String(error))
  return {
    status: registryError.status,
    headers: { 'Content-Type': JSON_TYPE },
    body: goJsonText(registryError.toErrorBody()),
  }
}

/**
 * Turns an operation result into the registry's wire form.
 * @example
 * toResponse({ body: { serviceId: 'abc' } }) // 200 application/json
 */
export function toResponse(result: OperationResult): Response {
  return responseOf(renderResult(result))
}

/**
 * Renders a registry error as `{ errorCode, errorMessage, detail }` with HTTP status = code / 1000.
 * @example
 * errorResponse(new RegistryError('400012', 'Service does not exist.'))
 */
export function errorResponse(error: RegistryError): Response {
  return responseOf(renderError(error))
}

/**
 * Turns anything thrown by an operation into a Response: registry errors as they are, and
 * anything else as 500003 so a bug never surfaces as a crash or a hang.
 * @example
 * const response = toErrorResponse(caught)
 */
export function toErrorResponse(error: unknown): Response {
  return responseOf(renderError(error))
}

/**
 * The `Response` of an answer: an interceptor's own Response as it is, a rendered answer as a
 * Response carrying its body (what MSW handlers return).
 * @example
 * const response = toFetchResponse(renderResult({ body: {} }))
 */
export function toFetchResponse(answer: RenderedAnswer | Response): Response {
  return answer instanceof Response ? answer : responseOf(answer)
}

/**
 * The body goes with its `Content-Length`, as the standalone server (and Go, for a body
 * written at once) sends it. Without a length, MSW's Node interceptor frames the body chunked
 * and the client parses the chunks: about 0.3 ms more per intercepted fetch. The body stays a
 * string: a Response built from bytes costs about twice as much on Node 24.
 */
function responseOf(answer: RenderedAnswer): Response {
  const { status, headers, body } = answer
  if (body === null) return new Response(null, { status, headers })
  const length = answer.utf8?.byteLength ?? utf8Length(body)
  return new Response(body, {
    status,
    headers: { ...headers, 'Content-Length': String(length) },
  })
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
