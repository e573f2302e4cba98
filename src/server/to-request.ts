import type { IncomingMessage } from 'node:http'
import { Readable } from 'node:stream'
import { urlOnOrigin } from './request-target.ts'

/**
 * Turns a Node request into a WHATWG `Request` for MSW: same method and headers, the URL on the
 * server's own origin, and the body streamed rather than buffered — or `body`, when the body
 * has already been read.
 * @example
 * const request = toFetchRequest(req, 'http://127.0.0.1:30100', abort.signal)
 */
export function toFetchRequest(
  req: IncomingMessage,
  origin: string,
  signal: AbortSignal,
  body?: Uint8Array<ArrayBuffer>,
): Request {
  const headers = new Headers()
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!)
  }
  const method = req.method ?? 'GET'
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal }
  if (body !== undefined) {
    if (hasBody(req)) init.body = body
  } else if (hasBody(req)) {
    init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>
    init.duplex = 'half'
  }
  return new Request(requestUrlOf(req, origin), init)
}

/**
 * The absolute URL of a Node request on the server's origin.
 * @example
 * requestUrlOf(req, 'http://127.0.0.1:30100') // 'http://127.0.0.1:30100/v4/default/registry/version'
 */
export function requestUrlOf(req: IncomingMessage, origin: string): string {
  return urlOnOrigin(req.url, origin)
}

/**
 * HTTP/1.1 says a request has a body only when it declares a length or a transfer coding.
 * @example
 * if (hasBody(req)) req.resume()
 */
export function hasBody(req: IncomingMessage): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return false
  if (req.headers['transfer-encoding'] !== undefined) return true
  const length = Number(req.headers['content-length'] ?? 0)
  return Number.isFinite(length) && length > 0
}
