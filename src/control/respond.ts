const JSON_TYPE = 'application/json; charset=UTF-8'

/**
 * The body of every control API error: a stable `code` and a sentence for people.
 * @example
 * const body: ControlErrorBody = { error: { code: 'FAULT_NOT_FOUND', message: 'No active fault has the id "x".' } }
 */
export interface ControlErrorBody {
  error: { code: string; message: string }
}

/**
 * An expected failure of a control call (bad input, wrong state), answered as
 * `{ error: { code, message } }` with its HTTP status.
 * @example
 * throw new ControlError(400, 'INVALID_BODY', 'The body must be a JSON object.')
 */
export class ControlError extends Error {
  readonly status: number
  readonly code: string
  readonly headers: Record<string, string>

  constructor(status: number, code: string, message: string, headers: Record<string, string> = {}) {
    super(message)
    this.name = 'ControlError'
    this.status = status
    this.code = code
    this.headers = headers
  }
}

/**
 * A JSON answer of the control API.
 * @example
 * controlJson(200, { profile: 'cse' })
 */
export function controlJson(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': JSON_TYPE } })
}

/**
 * The answer of a control call that changed state and has nothing to say.
 * @example
 * return controlNoContent()
 */
export function controlNoContent(): Response {
  return new Response(null, { status: 204 })
}

/**
 * Renders a `ControlError` as its JSON answer.
 * @example
 * controlErrorResponse(new ControlError(409, 'CLOCK_NOT_VIRTUAL', 'The clock is not virtual.'))
 */
export function controlErrorResponse(error: ControlError): Response {
  const body: ControlErrorBody = { error: { code: error.code, message: error.message } }
  return new Response(JSON.stringify(body), {
    status: error.status,
    headers: { 'Content-Type': JSON_TYPE, ...error.headers },
  })
}
