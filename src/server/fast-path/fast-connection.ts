import type { Socket } from 'node:net'
import type { RequestLogEntry } from '../../faults/types.ts'
import type { Answer } from '../../http/operation.ts'
import type { ErrorSink } from '../contain.ts'
import type { DirectRoute } from '../handler-router.ts'
import { logEntryOf } from '../log-entry.ts'
import { targetOf } from '../request-target.ts'
import { FastIncomingRequest } from './fast-incoming.ts'
import { MAX_FAST_BODY_BYTES, type ParsedRequest, parseRequest } from './parse-request.ts'
import { httpDate, renderWire, type WireAnswer } from './render-answer.ts'
import { wireOfResponse } from './wire-response.ts'

/** What a fast connection needs from the server around it. */
export interface FastPathOptions {
  /** The registry operation for a method and path, if it has a runner; else `node:http` answers. */
  direct(method: string, pathname: string): DirectRoute | undefined
  /** The server's origin, e.g. `http://127.0.0.1:30100`. */
  origin(): string
  /** True once the server is closing: answers then close their connection. */
  closing(): boolean
  /** The next number of the request log, shared with `node:http`'s requests. */
  nextSeq(): number
  onRequest?: ((entry: RequestLogEntry) => void) | undefined
  onError: ErrorSink
  /** The largest request line and headers; a longer head goes to `node:http`, which answers 431. */
  maxHeaderBytes: number
  /** How long an idle kept-alive connection stays open. */
  keepAliveTimeoutMs: number
  /** Told once, when a connection's first request is answered here. */
  onFirstRequest?: ((socket: Socket) => void) | undefined
}

/**
 * One client connection while the fast path answers it: requests are parsed from its bytes and
 * answered one at a time, in order. The first request the fast path does not take (see
 * `parseRequest`), a request split across reads, or one for a route without a runner hands the
 * connection to `node:http` for good, with its unread bytes, once every earlier answer is
 * written: `node:http` then parses, times out and answers as it always does.
 */
export class FastConnection {
  readonly socket: Socket
  #options: FastPathOptions
  #handOver: (socket: Socket) => void
  #buffer: Buffer | undefined
  #busy = false
  #draining = false
  #paused = false
  #handedOver = false
  #served = 0
  #abort: AbortController | undefined
  #remoteAddress: string | undefined
  #onData = (chunk: Buffer) => this.#received(chunk)
  #onDrain = () => this.#drained()
  #onEnd = () => this.#ended()
  #onTimeout = () => {
    if (!this.#busy) this.socket.destroy()
  }
  #onClose = () => this.#abort?.abort()

  constructor(socket: Socket, options: FastPathOptions, handOver: (socket: Socket) => void) {
    this.socket = socket
    this.#options = options
    this.#handOver = handOver
    this.#remoteAddress = socket.remoteAddress
    socket.on('data', this.#onData)
    socket.on('drain', this.#onDrain)
    socket.on('end', this.#onEnd)
    socket.on('timeout', this.#onTimeout)
    socket.on('close', this.#onClose)
    socket.on('error', ignore)
    socket.setTimeout(options.keepAliveTimeoutMs)
  }

  /** No request is being answered or waiting: closing the connection loses nothing. */
  get idle(): boolean {
    return !this.#busy && !this.#draining && this.#buffer === undefined
  }

  #received(chunk: Buffer): void {
    this.#buffer = this.#buffer ? Buffer.concat([this.#buffer, chunk]) : chunk
    if (!this.#busy && !this.#draining) this.#next()
    else if (this.#buffer.length > this.#options.maxHeaderBytes + MAX_FAST_BODY_BYTES) {
      // Requests sent ahead of their answers wait in the socket, not here.
      this.#paused = true
      this.socket.pause()
    }
  }

  /** Answers the buffered request, if it is one the fast path takes; else hands over. */
  #next(): void {
    const buffer = this.#buffer
    if (!buffer || this.#handedOver || this.socket.destroyed) return
    const parsed = parseRequest(buffer, this.#options.maxHeaderBytes)
    if (parsed === 'incomplete' || parsed === 'decline') {
      this.#giveUp()
      return
    }
    const origin = this.#options.origin()
    let route: DirectRoute | undefined
    let target: { pathname: string; search: string }
    try {
      target = targetOf(parsed.url, origin)
      route = this.#options.direct(parsed.method, target.pathname)
    } catch {
      route = undefined
      target = { pathname: '', search: '' }
    }
    if (!route) {
      this.#giveUp()
      return
    }
    this.#buffer = parsed.size < buffer.length ? buffer.subarray(parsed.size) : undefined
    this.#busy = true
    if (this.#served++ === 0) this.#options.onFirstRequest?.(this.socket)
    this.#answer(parsed, route, target.pathname, target.search, origin).then(
      () => this.#settled(),
      (error: unknown) => {
        this.socket.destroy()
        this.#options.onError(error, 'request')
      },
    )
  }

  async #answer(
    parsed: ParsedRequest,
    route: DirectRoute,
    pathname: string,
    search: string,
    origin: string,
  ): Promise<void> {
    const started = performance.now()
    const time = Date.now()
    const seq = this.#options.nextSeq()
    const socket = this.socket
    let status = 0
    let written = false
    let incoming: FastIncomingRequest | undefined
    try {
      incoming = new FastIncomingRequest(parsed, {
        pathname,
        search,
        params: route.params,
        origin,
        remoteAddress: this.#remoteAddress,
        signal: () => this.#signal(),
      })
      const answer: Answer = await route.runner(incoming)
      if ((answer instanceof Response && answer.type === 'error') || !socket.writable) {
        socket.destroy()
      } else {
        status = answer.status
        // As node:http: an unread body would be taken for the next request, so the server closes.
        const close =
          this.#options.closing() || !incoming.consumed ? 'server' : parsed.close ? 'client' : false
        const wire =
          answer instanceof Response
            ? await wireOfResponse(answer, parsed.method, parsed.origin, close, httpDate())
            : renderWire(answer, parsed.method, parsed.origin, close, httpDate())
        if (socket.writable) {
          this.#write(wire)
          written = true
          if (close) this.#finish()
        } else socket.destroy()
      }
    } catch {
      // An answer `node:http` would refuse to write, or a client gone while it was read.
      socket.destroy()
    }
    if (!written) status = 0
    try {
      this.#options.onRequest?.(
        logEntryOf(
          parsed.method,
          parsed.url,
          seq,
          time,
          status,
          performance.now() - started,
          route.operationId,
        ),
      )
    } catch {
      // A failing log listener must not stop the connection.
    }
  }

  #write(wire: WireAnswer): void {
    const socket = this.socket
    let flushed: boolean
    if (wire.bytes) {
      socket.cork()
      socket.write(wire.text, wire.encoding)
      flushed = socket.write(wire.bytes)
      socket.uncork()
    } else flushed = socket.write(wire.text, wire.encoding)
    if (!flushed) {
      // The client is not reading: stop reading its next requests until it does.
      this.#draining = true
      socket.pause()
    }
  }

  #settled(): void {
    this.#busy = false
    this.#abort = undefined
    if (this.#draining) return
    if (this.#paused) {
      this.#paused = false
      this.socket.resume()
    }
    this.#next()
  }

  #drained(): void {
    if (!this.#draining) return
    this.#draining = false
    this.socket.resume()
    if (!this.#busy) this.#next()
  }

  /** The client closed its side: as `node:http` does, the connection ends now. */
  #ended(): void {
    this.#buffer = undefined
    if (this.socket.writable) this.socket.end()
  }

  /** Ends the connection once what was written is flushed, as Node's `destroySoon` does. */
  #finish(): void {
    this.#buffer = undefined
    const socket = this.socket
    socket.end()
    if (socket.writableFinished) socket.destroy()
    else socket.once('finish', () => socket.destroy())
  }

  #signal(): AbortSignal {
    if (!this.#abort) {
      this.#abort = new AbortController()
      if (this.socket.destroyed) this.#abort.abort()
    }
    return this.#abort.signal
  }

  /** Leaves the connection, with what it has not read, to `node:http`. */
  #giveUp(): void {
    if (this.#handedOver) return
    this.#handedOver = true
    const socket = this.socket
    socket.off('data', this.#onData)
    socket.off('drain', this.#onDrain)
    socket.off('end', this.#onEnd)
    socket.off('timeout', this.#onTimeout)
    socket.off('close', this.#onClose)
    socket.off('error', ignore)
    socket.setTimeout(0)
    const rest = this.#buffer
    this.#buffer = undefined
    if (rest) socket.unshift(rest)
    this.#handOver(socket)
    if (socket.isPaused()) socket.resume()
  }
}

function ignore(): void {
  // A reset connection closes; there is nothing else to do about it.
}
