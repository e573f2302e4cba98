import { type Agent, request as httpRequest } from 'node:http'
import { type Agent as HttpsAgent, request as httpsRequest } from 'node:https'

/** A request as it is forwarded: header pairs in the client's order and case, the body bytes. */
export interface RawForward {
  method: string
  /** Path and query. */
  path: string
  headers: readonly (readonly [string, string])[]
  body: Buffer
}

/** An answer read off the wire, header names in the case the server sent them. */
export interface RawAnswer {
  status: number
  headers: [string, string][]
  body: Buffer
  /** Network failure or timeout instead of an answer. */
  error?: string
}

/**
 * Headers that belong to one connection, not to the request: the proxy keeps its own
 * connections to both sides, so these are not forwarded (`Connection: close` is, see below).
 */
const HOP_BY_HOP = new Set(['keep-alive', 'proxy-connection', 'te', 'trailer', 'upgrade', 'host'])

/**
 * The client's headers as they are sent on: same names, case and order, `Host` set to the
 * target's, connection-scoped headers left out. A client's `Connection: close` is kept so the
 * target answers as it would answer the client.
 * @example
 * forwardHeaders([['Host', 'proxy:30100'], ['X-Domain-Name', 'default']], 'sc:30100')
 */
export function forwardHeaders(
  headers: readonly (readonly [string, string])[],
  host: string,
): [string, string][] {
  const out: [string, string][] = [['Host', host]]
  for (const [name, value] of headers) {
    const lower = name.toLowerCase()
    if (HOP_BY_HOP.has(lower)) continue
    if (lower === 'connection' && value.toLowerCase() !== 'close') continue
    out.push([name, value])
  }
  return out
}

/**
 * Sends one request to `baseUrl` with exactly the given headers and body and reads the whole
 * answer. Never rejects: a refused connection or an answer later than `timeoutMs` comes back
 * as `error` with status 0.
 * @example
 * const answer = await sendForward('http://127.0.0.1:30100', { method: 'GET', path: '/version', headers: [], body: Buffer.alloc(0) }, { timeoutMs: 5000 })
 */
export function sendForward(
  baseUrl: string,
  forward: RawForward,
  options: { timeoutMs: number; agent?: Agent | HttpsAgent },
): Promise<RawAnswer> {
  const url = new URL(forward.path, baseUrl)
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest
  const headers = forwardHeaders(forward.headers, url.host).filter(
    ([name]) =>
      name.toLowerCase() !== 'content-length' && name.toLowerCase() !== 'transfer-encoding',
  )
  const framed = forward.headers.some(([name]) =>
    ['content-length', 'transfer-encoding'].includes(name.toLowerCase()),
  )
  if (framed || forward.body.length > 0) {
    headers.push(['Content-Length', String(forward.body.length)])
  }
  return new Promise((resolve) => {
    const failed = (error: Error) =>
      resolve({ status: 0, headers: [], body: Buffer.alloc(0), error: error.message })
    const req = send(url, {
      method: forward.method,
      headers: headers.flat(),
      setHost: false,
      ...(options.agent ? { agent: options.agent } : {}),
    })
    req.setTimeout(options.timeoutMs, () =>
      req.destroy(new Error(`no answer in ${options.timeoutMs} ms`)),
    )
    req.on('error', failed)
    req.on('response', (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('error', failed)
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: pairs(res.rawHeaders),
          body: Buffer.concat(chunks),
        }),
      )
    })
    req.end(forward.body.length > 0 ? forward.body : undefined)
  })
}

/**
 * Raw header list (`[name, value, name, value, …]`) as pairs.
 * @example
 * pairs(['Host', 'a', 'Accept', '*']) // [['Host', 'a'], ['Accept', '*']]
 */
export function pairs(raw: readonly string[]): [string, string][] {
  const out: [string, string][] = []
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i]!, raw[i + 1]!])
  return out
}
