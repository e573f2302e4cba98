import type { IncomingMessage } from 'node:http'
import { Readable } from 'node:stream'

/**
 * Turns a Node request into a WHATWG `Request` for MSW: same method and headers, the URL on the
 * server's own origin, and the body streamed rather than buffered.
 * @example
 * const request = toFetchRequest(req, 'http://127.0.0.1:30100', abort.signal)
 */
export function toFetchRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Request {
  const headers = new Headers()
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!)
  }
  const method = req.method ?? 'GET'
  // A request target that does not start with `/` (`*`, absolute or protocol-relative forms)
  // must not move the request to another origin.
  const target = req.url?.startsWith('/') && !req.url.startsWith('//') ? req.url : '/'
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal }
  if (hasBody(req)) {
    init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>
    init.duplex = 'half'
  }
  return new Request(`${origin}${target}`, init)
}

/** HTTP/1.1 says a request has a body only when it declares a length or a transfer coding. */
function hasBody(req: IncomingMessage): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return false
  if (req.headers['transfer-encoding'] !== undefined) return true
  const length = Number(req.headers['content-length'] ?? 0)
  return Number.isFinite(length) && length > 0
}
