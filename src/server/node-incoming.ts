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
  return new NodeIncomingRequest(req, context)
}

// A class, not an object literal with getters and arrow functions: a literal builds a closure
// per member and a dictionary-mode object on every request.
class NodeIncomingRequest implements IncomingRequest {
  readonly method: string
  readonly pathname: string
  readonly search: string
  readonly params: Record<string, string>
  readonly remoteAddress: string | undefined
  #req: IncomingMessage
  #context: NodeRequestContext
  #headers: Record<string, string> | undefined
  #bytes: Uint8Array<ArrayBuffer> | undefined
  #request: Request | undefined
  #url: URL | undefined
  #query: URLSearchParams | undefined

  constructor(req: IncomingMessage, context: NodeRequestContext) {
    this.#req = req
    this.#context = context
    this.method = req.method ?? 'GET'
    this.pathname = context.pathname
    this.search = context.search
    this.params = context.params
    this.remoteAddress = req.socket.remoteAddress
  }

  get url(): URL {
    this.#url ??= new URL(`${this.#context.origin}${this.pathname}${this.search}`)
    return this.#url
  }

  get query(): URLSearchParams {
    this.#query ??= this.#url ? this.#url.searchParams : new URLSearchParams(this.search)
    return this.#query
  }

  header(name: string): string | null {
    return this.headers()[name.toLowerCase()] ?? null
  }

  headers(): Record<string, string> {
    this.#headers ??= joinHeaders(this.#req.rawHeaders)
    return this.#headers
  }

  async json(maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<unknown> {
    // Whoever built the Request took the body stream with it.
    if (this.#request) return readJsonBody(this.#request, maxBytes)
    const req = this.#req
    if (!hasBody(req)) return undefined
    checkDeclaredLength(req.headers['content-length'], maxBytes)
    this.#bytes = await readNodeLimited(req, maxBytes, bodyTooLarge(maxBytes))
    return parseJsonBody(this.#bytes, maxBytes)
  }

  request(): Request {
    this.#request ??= toFetchRequest(
      this.#req,
      this.#context.origin,
      this.#context.signal(),
      this.#bytes,
    )
    return this.#request
  }
}

/**
 * Lower-case names, repeated headers joined with `, `: what `Object.fromEntries(headers)` gives.
 * @example
 * joinHeaders(['Accept', 'a', 'accept', 'b']) // { accept: 'a, b' }
 */
export function joinHeaders(raw: readonly string[]): Record<string, string> {
  const joined: Record<string, string> = {}
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase()
    const value = raw[i + 1]!
    const previous = joined[name]
    joined[name] = previous === undefined ? value : `${previous}, ${value}`
  }
  return joined
}
