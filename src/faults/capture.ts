import type { OperationCall } from '../http/operation.ts'
import type { RenderedAnswer } from '../http/respond.ts'
import type { CapturedExchange, CapturedMessage } from './types.ts'

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** What the request log keeps of each body by default: 16 KiB of text. */
export const DEFAULT_CAPTURE_BYTES = 16 * 1024

/**
 * What the log keeps of one call until the inspector asks for it: references to what the call
 * had built anyway (the request's header record, the rendered answer's headers and body), so a
 * call costs no copies. A body longer than the cut is cut at once, not kept whole.
 */
export interface PendingExchange {
  readonly requestHeaders: Readonly<Record<string, string>>
  readonly request: Omit<CapturedMessage, 'headers'>
  /**
   * The JSON text of a request body not printed yet: pretty-printing it on every call cost more
   * than the rest of the capture, and most exchanges are never looked at.
   */
  readonly requestSource?: string | undefined
  readonly maxBodyBytes: number
  /** The answer's headers as it carried them (any case); a `Response`'s already lower-cased. */
  readonly responseHeaders: Readonly<Record<string, string>>
  readonly response: Omit<CapturedMessage, 'headers'>
}

/**
 * Keeps what the inspector shows of one call: request and response headers, and both bodies
 * cut at `maxBodyBytes` characters. The answer may be a `Response` or an answer rendered
 * without one. Never throws: an unreadable body is described instead.
 * @example
 * const exchange = materializeExchange(await captureExchange(call, answer, 16_384))
 */
export async function captureExchange(
  call: OperationCall,
  response: Response | RenderedAnswer | undefined,
  maxBodyBytes: number,
): Promise<PendingExchange> {
  const request: Omit<CapturedMessage, 'headers'> = {}
  let requestSource: string | undefined
  try {
    const body = await call.body()
    requestSource = body === undefined ? undefined : call.bodySource?.()
    if (body !== undefined && requestSource === undefined) printBody(request, body, maxBodyBytes)
  } catch (error) {
    unreadable(request, error, maxBodyBytes)
  }
  const answer: Omit<CapturedMessage, 'headers'> = {}
  let responseHeaders: Record<string, string> = NO_HEADERS
  if (response instanceof Response) {
    responseHeaders = {}
    for (const [name, value] of response.headers) responseHeaders[name] = value
    const text = await responseText(response)
    if (text) cut(answer, text, maxBodyBytes)
  } else if (response) {
    // The rendered answer is never changed once rendered: its headers are kept as they are.
    responseHeaders = response.headers
    if (response.body) cut(answer, response.body, maxBodyBytes)
  }
  return {
    requestHeaders: call.headers(),
    request,
    requestSource,
    maxBodyBytes,
    responseHeaders,
    response: answer,
  }
}

/**
 * The exchange as the request log hands it out: fresh header records, lower-case names.
 * @example
 * const exchange = materializeExchange(pending)
 */
export function materializeExchange(pending: PendingExchange): CapturedExchange {
  const response: CapturedMessage = { headers: {}, ...pending.response }
  for (const name of Object.keys(pending.responseHeaders)) {
    response.headers[name.toLowerCase()] = pending.responseHeaders[name]!
  }
  let request = pending.request
  if (pending.requestSource !== undefined) {
    request = {}
    try {
      // The same value the body decoded to, printed as it was before the call ran.
      printBody(request, JSON.parse(pending.requestSource), pending.maxBodyBytes)
    } catch (error) {
      unreadable(request, error, pending.maxBodyBytes)
    }
  }
  return {
    request: { headers: { ...pending.requestHeaders }, ...request },
    response,
  }
}

function printBody(message: Omit<CapturedMessage, 'headers'>, body: unknown, max: number): void {
  cut(message, JSON.stringify(body, null, 2), max)
}

function unreadable(message: Omit<CapturedMessage, 'headers'>, error: unknown, max: number): void {
  cut(message, `(the body could not be read: ${(error as Error).message})`, max)
}

const NO_HEADERS: Record<string, string> = Object.freeze({}) as Record<string, string>

async function responseText(response: Response): Promise<string> {
  if (response.type === 'error' || !response.body) return ''
  try {
    return await response.clone().text()
  } catch {
    return ''
  }
}

// The last long body and its cut: under load the same cached answer goes out again and again.
let lastLong: string | undefined
let lastCut = ''
let lastMax = -1

function cut(message: Omit<CapturedMessage, 'headers'>, text: string, max: number): void {
  if (text.length <= max) {
    message.body = text
    return
  }
  if (text !== lastLong || max !== lastMax) {
    // A slice would keep the whole (possibly megabytes long) body alive; copy the kept part.
    lastCut = decoder.decode(encoder.encode(text.slice(0, max)))
    lastLong = text
    lastMax = max
  }
  message.body = lastCut
  message.truncated = text.length
}
