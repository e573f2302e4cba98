import type { Duplex } from 'node:stream'
import { goJsonText } from '../http/go-json.ts'
import { RegistryError } from '../registry/errors.ts'

/**
 * Service Center's `server.request.maxHeaderBytes` default (reference §1.3): the request line
 * and headers together; larger ones get 431.
 */
export const MAX_HEADER_BYTES = 32 * 1024

/**
 * Answers a request Node's parser refused (`clientError`) with the registry's envelope instead
 * of Node's bare status line: 431 for a request line or headers over `MAX_HEADER_BYTES`, 408
 * when the headers or body did not arrive in time, 400 for anything unparsable. The envelope
 * carries `400001` in every case: the registry's catalogue has no code of its own for these,
 * and `400001` (invalid parameters) is what Service Center answers for every other malformed
 * request; the HTTP status stays the one Go's server uses, so proxies and retry logic see the
 * usual meaning. A socket already answering, or already gone, is just closed.
 * @example
 * server.on('clientError', answerClientError)
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  const busy = (socket as Duplex & { _httpMessage?: unknown })._httpMessage
  if (error.code === 'ECONNRESET' || !socket.writable || busy) {
    socket.destroy()
    return
  }
  const [status, reason, detail] = describe(error.code)
  const body = goJsonText(new RegistryError('400001', detail).toErrorBody())
  // Once the answer is flushed the socket goes, whether or not the client closes its side.
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=UTF-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    () => socket.destroy(),
  )
}

function describe(code: string | undefined): [number, string, string] {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return [
      431,
      'Request Header Fields Too Large',
      `the request line and headers exceed ${MAX_HEADER_BYTES} bytes`,
    ]
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return [408, 'Request Timeout', 'the request did not arrive in time']
  }
  return [400, 'Bad Request', `the request is not valid HTTP/1.1 (${code ?? 'parse error'})`]
}
