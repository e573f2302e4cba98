/** Raw HTTP over loopback sockets, for requests `fetch` refuses to send. */
import { connect, type Socket } from 'node:net'

/** What came back on a raw connection: the status line, headers and body as text. */
export interface RawAnswer {
  status: number
  head: string
  body: string
}

/**
 * Writes `text` to a fresh connection and reads until the server closes it (or `timeoutMs`).
 * @example
 * const answer = await rawRequest(port, 'TRACE / HTTP/1.1\r\nHost: localhost\r\n\r\n')
 */
export function rawRequest(
  port: number,
  text: string | Buffer,
  timeoutMs = 5_000,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`no answer within ${timeoutMs} ms: ${Buffer.concat(chunks).toString()}`))
    }, timeoutMs)
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', () => undefined)
    socket.on('close', () => {
      clearTimeout(timer)
      resolve(parseAnswer(Buffer.concat(chunks).toString('utf8')))
    })
    socket.write(text)
  })
}

/**
 * Opens a connection, sends `text` and leaves it open: a client that stalls mid-request.
 * @example
 * const socket = await stallingClient(port, 'GET / HTTP/1.1\r\nHost: local')
 */
export function stallingClient(port: number, text: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text, () => resolve(socket)))
    socket.on('error', reject)
  })
}

/**
 * Starts a request whose body never ends, and resolves once the server has read its header
 * (it answers `Expect: 100-continue` only then): a request surely in flight, not a connection
 * the server might still count as idle.
 * @example
 * const socket = await inFlightClient(port, '/v4/default/registry/microservices')
 */
export function inFlightClient(port: number, path: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () =>
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\nExpect: 100-continue\r\n\r\n`,
      ),
    )
    socket.once('data', (chunk) => {
      if (!chunk.toString('latin1').startsWith('HTTP/1.1 100')) {
        reject(new Error(`expected 100 Continue, got ${chunk.toString('latin1').slice(0, 40)}`))
        return
      }
      socket.write('{', () => resolve(socket))
    })
    socket.on('error', reject)
  })
}

/**
 * Splits a raw HTTP/1.1 answer.
 * @example
 * parseAnswer('HTTP/1.1 404 Not Found\r\n\r\n404 page not found').status // 404
 */
export function parseAnswer(raw: string): RawAnswer {
  const split = raw.indexOf('\r\n\r\n')
  const head = split < 0 ? raw : raw.slice(0, split)
  const body = split < 0 ? '' : raw.slice(split + 4)
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0)
  return { status, head, body }
}

/**
 * A header of a raw answer, case-insensitively.
 * @example
 * headerOf(answer, 'allow') // 'GET'
 */
export function headerOf(answer: RawAnswer, name: string): string | undefined {
  const line = answer.head
    .split('\r\n')
    .find((entry) => entry.toLowerCase().startsWith(`${name.toLowerCase()}:`))
  return line?.slice(name.length + 1).trim()
}
