/**
 * What the fast path makes of the bytes at the start of a connection's buffer: one whole
 * request it can answer itself, the need for more bytes, or a request it leaves to `node:http`.
 */
export type ParseOutcome = ParsedRequest | 'incomplete' | 'decline'

/** A request the fast path answers: its head parsed, its body (if any) entirely buffered. */
export interface ParsedRequest {
  method: string
  /** The request target as sent, e.g. `/v4/default/registry/instances?appId=a`. */
  url: string
  /** Names and values as sent, alternating, as `IncomingMessage.rawHeaders`. */
  rawHeaders: string[]
  /** The `Host` header. */
  host: string
  /** The `Origin` header, if any. */
  origin: string | undefined
  /** The client asked to close the connection after this request (`Connection: close`). */
  close: boolean
  /** The declared body length, 0 without a `Content-Length`. */
  contentLength: number
  /** The body bytes: exactly `contentLength` of them (a view into the buffer). */
  body: Buffer | undefined
  /** Bytes of head and body together: where the next request starts. */
  size: number
}

/** The methods of the registry's own routes; every other method goes to `node:http`. */
const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE'])

/** `METHOD /target HTTP/1.1`, the target a path with visible ASCII only (origin form). */
const REQUEST_LINE = /^([A-Z]+) (\/[\x21-\x7e]*) HTTP\/1\.1$/

/** `name: value`: a token name right before the colon, optional blanks around the value. */
const HEADER_LINE = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+):[ \t]*(.*?)[ \t]*$/

/** Bytes a header value may hold: tab, visible ASCII, space and obs-text. */
const VALUE = /^[\t\x20-\x7e\x80-\xff]*$/

/** Headers whose presence means the request is not a plain keep-alive exchange. */
const DECLINED = new Set(['transfer-encoding', 'upgrade', 'expect', 'te', 'trailer'])

/** More header lines than this go to node:http, which keeps the first 2,000. */
const MAX_HEADER_LINES = 100

/** Bodies up to this size are buffered by the fast path; larger ones stream through node:http. */
export const MAX_FAST_BODY_BYTES = 64 * 1024

const END_OF_HEAD = Buffer.from('\r\n\r\n')

/**
 * Parses the request at the start of `buffer` under rules stricter than any HTTP/1.1 parser's:
 * a request line and headers `node:http` would accept exactly as read here, one `Host`, no
 * transfer coding, upgrade, expectation or connection option other than `keep-alive` or
 * `close`, a
 * decimal `Content-Length` of at most `MAX_FAST_BODY_BYTES`, the whole request already in the
 * buffer. Anything else is declined, and the connection is handed to `node:http`, which answers
 * it (errors included) as it always has: the fast path never reads a request differently.
 * @example
 * parseRequest(Buffer.from('GET /v4/default/registry/version HTTP/1.1\r\nHost: a\r\n\r\n'), 32768)
 */
export function parseRequest(buffer: Buffer, maxHeaderBytes: number): ParseOutcome {
  const end = buffer.indexOf(END_OF_HEAD)
  if (end < 0) return buffer.length > maxHeaderBytes ? 'decline' : 'incomplete'
  if (end > maxHeaderBytes) return 'decline'
  const head = buffer.toString('latin1', 0, end)
  let lineEnd = head.indexOf('\r\n')
  const line = REQUEST_LINE.exec(lineEnd < 0 ? head : head.slice(0, lineEnd))
  if (!line || !METHODS.has(line[1]!)) return 'decline'
  const rawHeaders: string[] = []
  let host: string | undefined
  let origin: string | undefined
  let declaredLength: string | undefined
  let close = false
  while (lineEnd >= 0) {
    const start = lineEnd + 2
    lineEnd = head.indexOf('\r\n', start)
    const header = HEADER_LINE.exec(lineEnd < 0 ? head.slice(start) : head.slice(start, lineEnd))
    if (!header) return 'decline'
    const name = header[1]!
    const value = header[2]!
    if (!VALUE.test(value)) return 'decline'
    const lower = name.toLowerCase()
    if (DECLINED.has(lower)) return 'decline'
    if (lower === 'host') {
      if (host !== undefined) return 'decline'
      host = value
    } else if (lower === 'content-length') {
      if (declaredLength !== undefined || !/^\d{1,7}$/.test(value)) return 'decline'
      declaredLength = value
    } else if (lower === 'connection') {
      const option = value.toLowerCase()
      if (option === 'close') close = true
      else if (option !== 'keep-alive') return 'decline'
    } else if (lower === 'origin') {
      if (origin !== undefined) return 'decline'
      origin = value
    }
    rawHeaders.push(name, value)
    if (rawHeaders.length > MAX_HEADER_LINES * 2) return 'decline'
  }
  if (host === undefined) return 'decline'
  const contentLength = declaredLength === undefined ? 0 : Number(declaredLength)
  if (contentLength > MAX_FAST_BODY_BYTES) return 'decline'
  const bodyStart = end + END_OF_HEAD.length
  const size = bodyStart + contentLength
  if (buffer.length < size) return 'incomplete'
  return {
    method: line[1]!,
    url: line[2]!,
    rawHeaders,
    host,
    origin,
    close,
    contentLength,
    body: contentLength > 0 ? buffer.subarray(bodyStart, size) : undefined,
    size,
  }
}
