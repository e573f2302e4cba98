import type { IncomingMessage } from 'node:http'
import {
  bodyTooLarge,
  checkDeclaredLength,
  DEFAULT_MAX_BODY_BYTES,
  parseJsonBody,
  readJsonBody,
} from '../http/body.ts'
import type { IncomingRequest } from '../http/incoming.ts'
import { readNodeLimited } from '../http/read-limited.ts'
import { hasBody, toFetchRequest } from './to-request.ts'

/** What the direct route knows of a Node request before an operation runs. */
export interface NodeRequestContext {
  /** The path and query string (with its `?`, or `''`) as requested. */
  pathname: string
  search: string
  params: Record<string, string>
  origin: string
  /** Asked for only when a WHATWG `Request` is built. */
  signal: () => AbortSignal
}

/**
 * Wraps a Node request for an operation's runner without converting it: headers are read from
 * Node's own list, the body straight from the socket; the `URL`, the query parameters and a
 * WHATWG `Request` are built only if something asks for them (the Request with the body
 * already read, if it was).
 * @example
 * const answer = await runner(fromNodeRequest(req, { pathname, search, params, origin, signal }))
 */
export function fromNodeRequest(
  req: IncomingMessage,
  context: NodeRequestContext,
): IncomingRequest {
  let headers: Record<string, string> | undefined
  let bytes: Uint8Array<ArrayBuffer> | undefined
  let request: Request | undefined
  let url: URL | undefined
  let query: URLSearchParams | undefined
  const allHeaders = () => {
    headers ??= joinHeaders(req.rawHeaders)
    return headers
  }
  const { pathname, search } = context
  return {
    method: req.method ?? 'GET',
    pathname,
    search,
    get url() {
      url ??= new URL(`${context.origin}${pathname}${search}`)
      return url
    },
    get query() {
      query ??= url ? url.searchParams : new URLSearchParams(search)
      return query
    },
    remoteAddress: req.socket.remoteAddress,
    params: context.params,
    header: (name) => allHeaders()[name.toLowerCase()] ?? null,
    headers: allHeaders,
    async json(maxBytes = DEFAULT_MAX_BODY_BYTES) {
      // Whoever built the Request took the body stream with it.
      if (request) return readJsonBody(request, maxBytes)
      if (!hasBody(req)) return undefined
      checkDeclaredLength(req.headers['content-length'], maxBytes)
      bytes = await readNodeLimited(req, maxBytes, bodyTooLarge(maxBytes))
      return parseJsonBody(bytes, maxBytes)
    },
    request() {
      request ??= toFetchRequest(req, context.origin, context.signal(), bytes)
      return request
    },
  }
}

/** Lower-case names, repeated headers joined with `, `: what `Object.fromEntries(headers)` gives. */
function joinHeaders(raw: readonly string[]): Record<string, string> {
  const joined: Record<string, string> = {}
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase()
    const value = raw[i + 1]!
    const previous = joined[name]
    joined[name] = previous === undefined ? value : `${previous}, ${value}`
  }
  return joined
}
