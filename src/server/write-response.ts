import type { ServerResponse } from 'node:http'
import type { RenderedAnswer } from '../http/respond.ts'

/**
 * Writes a WHATWG `Response` to a Node response: status, headers (several `Set-Cookie` kept
 * apart) and body. A body that fits in one chunk goes out with `Content-Length`, the way Go's
 * server answers small responses; longer ones are streamed chunked.
 * @example
 * await writeFetchResponse(res, new Response('{}', { status: 200 }))
 */
export async function writeFetchResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, key) => {
    if (key !== 'set-cookie') headers[key] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers['set-cookie'] = cookies
  const statusText = response.statusText || undefined
  if (!response.body) {
    res.writeHead(response.status, statusText, headers)
    res.end()
    return
  }
  const reader = response.body.getReader()
  try {
    const first = await reader.read()
    const second = first.done ? first : await reader.read()
    if (second.done) {
      const body = first.value ?? new Uint8Array(0)
      if (!('content-length' in headers) && bodyAllowed(response.status)) {
        headers['content-length'] = String(body.byteLength)
      }
      res.writeHead(response.status, statusText, headers)
      res.end(body)
      return
    }
    res.writeHead(response.status, statusText, headers)
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
 * Writes a rendered answer (the direct route's) at once: its headers under the names it gives
 * them, which are Go's canonical forms (`Content-Type`, `X-Resource-Revision`), and
 * `Content-Length` on every body, as Go sends a body written in one piece.
 * @example
 * writeRendered(res, renderResult({ body: { instances: [] } }))
 */
export function writeRendered(res: ServerResponse, answer: RenderedAnswer): void {
  const headers: Record<string, string> = { ...answer.headers }
  if (answer.body === null) {
    res.writeHead(answer.status, headers)
    res.end()
    return
  }
  // Node sends a string body in one write with the headers; bytes go out as a second chunk
  // (writev), which costs more than encoding a small body again.
  const body = answer.utf8 && answer.body.length > ONE_WRITE_CHARS ? answer.utf8 : answer.body
  if (bodyAllowed(answer.status)) {
    headers['Content-Length'] = String(
      typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength,
    )
  }
  res.writeHead(answer.status, headers)
  res.end(body)
}

/** Up to this size a body is written as a string, in one piece with the headers. */
const ONE_WRITE_CHARS = 16 * 1024

function bodyAllowed(status: number): boolean {
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
