import {
  bodyTooLarge,
  checkDeclaredLength,
  DEFAULT_MAX_BODY_BYTES,
  parseJsonBody,
} from '../../http/body.ts'
import type { IncomingRequest } from '../../http/incoming.ts'
import { RawHeaderRequest, type RequestPlace } from '../raw-header-request.ts'
import { urlOnOrigin } from '../request-target.ts'
import type { ParsedRequest } from './parse-request.ts'

/** What the fast path knows of a request besides its bytes. */
export interface FastRequestContext extends RequestPlace {
  remoteAddress: string | undefined
  /** Asked for only when a WHATWG `Request` is built. */
  signal: () => AbortSignal
}

/**
 * A request the fast path parsed, as an operation reads it: what `fromNodeRequest` gives for
 * the same bytes (headers by lower-case name with repeats joined, the body only for a method
 * that carries one, the same limits and errors), from a body that is already buffered.
 * @example
 * const answer = await runner(new FastIncomingRequest(parsed, context))
 */
export class FastIncomingRequest extends RawHeaderRequest implements IncomingRequest {
  #parsed: ParsedRequest
  #context: FastRequestContext
  #request: Request | undefined
  #consumed: boolean

  constructor(parsed: ParsedRequest, context: FastRequestContext) {
    super(parsed.method, context, context.remoteAddress)
    this.#parsed = parsed
    this.#context = context
    this.#consumed = parsed.contentLength === 0
  }

  /**
   * Whether the body has been read to its end, as `IncomingMessage.complete` says of a Node
   * request: an answer to a request whose body nobody read closes the connection.
   */
  get consumed(): boolean {
    return this.#consumed
  }

  protected rawHeaders(): readonly string[] {
    return this.#parsed.rawHeaders
  }

  async json(maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<unknown> {
    const body = this.#carried()
    if (!body) return undefined
    checkDeclaredLength(String(this.#parsed.contentLength), maxBytes)
    // Node's reader stops at the limit, leaving the rest unread.
    if (body.byteLength > maxBytes) throw bodyTooLarge(maxBytes)(body.byteLength)
    this.#consumed = true
    return parseJsonBody(body, maxBytes)
  }

  request(): Request {
    if (!this.#request) {
      const headers = new Headers()
      const raw = this.#parsed.rawHeaders
      for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!)
      const init: RequestInit & { duplex?: 'half' } = {
        method: this.method,
        headers,
        signal: this.#context.signal(),
      }
      const body = this.#carried()
      if (body && this.#consumed) init.body = new Uint8Array(body)
      else if (body) {
        // Streamed, as Node's request is, so that whoever reads it to the end consumes it.
        init.body = this.#stream(new Uint8Array(body))
        init.duplex = 'half'
      }
      this.#request = new Request(urlOnOrigin(this.#parsed.url, this.#context.origin), init)
    }
    return this.#request
  }

  #stream(bytes: Uint8Array): ReadableStream<Uint8Array> {
    let sent = false
    return new ReadableStream<Uint8Array>({
      pull: (controller) => {
        if (sent) {
          this.#consumed = true
          controller.close()
        } else {
          sent = true
          controller.enqueue(bytes)
        }
      },
    })
  }

  /** The body, for a method that carries one (as `hasBody` reads a Node request). */
  #carried(): Buffer | undefined {
    const { method, body } = this.#parsed
    return method === 'GET' || method === 'HEAD' ? undefined : body
  }
}
