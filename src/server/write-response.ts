import type { ServerResponse } from 'node:http'
import type { RenderedAnswer } from '../http/respond.ts'
import { canonicalHeaderName } from './canonical-header.ts'
import { goOrderedHeaders } from './go-header-order.ts'

/**
 * Writes a WHATWG `Response` to a Node response: status, headers (several `Set-Cookie` kept
 * apart) and body. A body that fits in one chunk goes out with `Content-Length`, the way Go's
 * server answers small responses; longer ones are streamed chunked. Header names go out in
 * Go's canonical case, and a kept-alive connection carries no `Connection`/`Keep-Alive`
 * header, as Service Center (Go's `net/http`) answers HTTP/1.1.
 * @example
 * await writeFetchResponse(res, new Response('{}', { status: 200 }))
 */
export async function writeFetchResponse(res: ServerResponse, response: Response): Promise<void> {
  likeGo(res)
  const headers = goHeadersOf(response)
  const statusText = response.statusText || undefined
  if (!response.body) {
    res.writeHead(response.status, statusText, goOrderedHeaders(res, headers))
    res.end()
    return
  }
  const reader = response.body.getReader()
  try {
    const first = await reader.read()
    const second = first.done ? first : await reader.read()
    if (second.done) {
      const body = first.value ?? new Uint8Array(0)
      if (!('Content-Length' in headers) && bodyAllowed(response.status)) {
        headers['Content-Length'] = String(body.byteLength)
      }
      res.writeHead(response.status, statusText, goOrderedHeaders(res, headers))
      res.end(body)
      return
    }
    res.writeHead(response.status, statusText, goOrderedHeaders(res, headers))
    await write(res, first.value)
    await write(res, second.value)
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      await write(res, chunk.value)
    }
    res.end()
  } finally {
    reader.releaseLock()
  }
}

/**
 * A `Response`'s headers by their names in Go's canonical case, several `Set-Cookie` kept apart
 * as a list (the `Headers` object joins every other repeated header).
 * @example
 * goHeadersOf(new Response('', { headers: { 'content-type': 'text/plain' } })) // { 'Content-Type': 'text/plain' }
 */
export function goHeadersOf(response: Response): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, key) => {
    if (key !== 'set-cookie') headers[canonicalHeaderName(key)] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers['Set-Cookie'] = cookies
  return headers
}

/**
 * Writes a rendered answer (the direct route's) at once, as `writeFetchResponse` writes a
 * Response: canonical header names in Go's order, `Content-Length` on every body, no
 * keep-alive headers. A small body goes out as a string, which Node sends in one write with the
 * headers; bytes would go as a second chunk (writev), which costs more than encoding a small
 * body again.
 * @example
 * writeRendered(res, renderResult({ body: { instances: [] } }))
 */
export function writeRendered(res: ServerResponse, answer: RenderedAnswer): void {
  likeGo(res)
  const headers: Record<string, string> = {}
  for (const name of Object.keys(answer.headers)) {
    headers[canonicalHeaderName(name)] = answer.headers[name]!
  }
  if (answer.body === null) {
    res.writeHead(answer.status, goOrderedHeaders(res, headers))
    res.end()
    return
  }
  const body = answer.utf8 && answer.body.length > ONE_WRITE_CHARS ? answer.utf8 : answer.body
  if (bodyAllowed(answer.status)) {
    headers['Content-Length'] = String(
      typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength,
    )
  }
  res.writeHead(answer.status, goOrderedHeaders(res, headers))
  res.end(body)
}

/** Up to this size a body is written as a string, in one piece with the headers. */
export const ONE_WRITE_CHARS = 16 * 1024

/**
 * Node announces `Connection: keep-alive` and `Keep-Alive: timeout=…` on every kept-alive
 * answer; Go's server sends neither. Removing the header keeps the connection open without
 * them; a `Connection: close` set by the caller stays.
 */
function likeGo(res: ServerResponse): void {
  // A request that asked to close (or HTTP/1.0) still gets Node's `Connection: close`, as Go's.
  if (res.shouldKeepAlive && !res.hasHeader('Connection')) res.removeHeader('Connection')
}

/**
 * Whether a status carries a body.
 * @example
 * bodyAllowed(304) // false
 */
export function bodyAllowed(status: number): boolean {
  return status !== 204 && status !== 304 && !(status >= 100 && status < 200)
}

/** Writes one chunk and waits for the socket to drain when it asks to (backpressure). */
function write(res: ServerResponse, chunk: Uint8Array | undefined): Promise<void> {
  if (!chunk || res.write(chunk)) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      res.off('close', onClose)
      resolve()
    }
    const onClose = () => {
      res.off('drain', onDrain)
      reject(new Error('the client closed the connection'))
    }
    res.once('drain', onDrain)
    res.once('close', onClose)
  })
}
