import type { OperationCall } from '../http/operation.ts'
import { prerenderedAnswerOf } from '../http/prerendered.ts'
import type { RenderedAnswer } from '../http/respond.ts'
import type { CapturedExchange, CapturedMessage } from './types.ts'

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** What the request log keeps of each body by default: 16 KiB of text. */
export const DEFAULT_CAPTURE_BYTES = 16 * 1024

/**
 * Reads what the inspector shows of one call: request and response headers, and both bodies
 * cut at `maxBodyBytes` characters. The answer may be a `Response` or an answer rendered
 * without one. Never throws: an unreadable body is described instead.
 * @example
 * const exchange = await captureExchange(call, response, 16_384)
 */
export async function captureExchange(
  call: OperationCall,
  response: Response | RenderedAnswer | undefined,
  maxBodyBytes: number,
): Promise<CapturedExchange> {
  const request: CapturedMessage = { headers: { ...call.headers() } }
  try {
    const body = await call.body()
    if (body !== undefined) cut(request, JSON.stringify(body, null, 2), maxBodyBytes)
  } catch (error) {
    cut(request, `(the body could not be read: ${(error as Error).message})`, maxBodyBytes)
  }
  const answer: CapturedMessage = { headers: {} }
  if (response instanceof Response) {
    response.headers.forEach((value, name) => {
      answer.headers[name] = value
    })
    const text = await responseText(response)
    if (text) cut(answer, text, maxBodyBytes)
  } else if (response) {
    for (const [name, value] of Object.entries(response.headers)) {
      answer.headers[name.toLowerCase()] = value
    }
    if (response.body) cut(answer, response.body, maxBodyBytes)
  }
  return { request, response: answer }
}

async function responseText(response: Response): Promise<string> {
  const prerendered = prerenderedAnswerOf(response)
  if (prerendered) return prerendered.body ?? ''
  if (response.type === 'error' || !response.body) return ''
  try {
    return await response.clone().text()
  } catch {
    return ''
  }
}

function cut(message: CapturedMessage, text: string, max: number): void {
  if (text.length <= max) {
    message.body = text
    return
  }
  // A slice would keep the whole (possibly megabytes long) body alive; copy the kept part.
  message.body = decoder.decode(encoder.encode(text.slice(0, max)))
  message.truncated = text.length
}
