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
import { RawHeaderRequest, type RequestPlace } from './raw-header-request.ts'
import { hasBody, toFetchRequest } from './to-request.ts'

/** What the direct route knows of a Node request before an operation runs. */
export interface NodeRequestContext extends RequestPlace {
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
class NodeIncomingRequest extends RawHeaderRequest implements IncomingRequest {
  #req: IncomingMessage
  #context: NodeRequestContext
  #bytes: Uint8Array<ArrayBuffer> | undefined
  #request: Request | undefined

  constructor(req: IncomingMessage, context: NodeRequestContext) {
    super(req.method ?? 'GET', context, req.socket.remoteAddress)
    this.#req = req
    this.#context = context
  }

  protected rawHeaders(): readonly string[] {
    return this.#req.rawHeaders
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
