import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { hostname } from 'node:os'
import { CONTROL_PREFIX, changeFeedOf } from '../control/index.ts'
import { ControlError, controlErrorResponse } from '../control/respond.ts'
import type { RequestLogEntry } from '../faults/types.ts'
import { type CseMock, type CseMockOptions, createCseMock } from '../mock.ts'
import { answerClientError, MAX_HEADER_BYTES } from './client-error.ts'
import { contain, type ErrorSink } from './contain.ts'
import { CseMockServerError, listenError } from './errors.ts'
import { installFastPath } from './fast-path/install-fast-path.ts'
import { createHandlerRouter } from './handler-router.ts'
import { DEFAULT_PING_INTERVAL_MS } from './keep-alive.ts'
import { createOriginGuard } from './origin-guard.ts'
import { createRequestListener } from './request-listener.ts'
import { startSweeper } from './sweeper.ts'
import { createWebSocketGateway } from './websocket-gateway.ts'

/** The address Service Center listens on by default. */
export const DEFAULT_HOST = '127.0.0.1'
/** Service Center's default port. */
export const DEFAULT_PORT = 30100
/** How long `close()` lets in-flight requests and stalled clients run before cutting them off. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000

/** Options of `startCseMockServer`: the mock's own options plus where to listen. */
export interface CseMockServerOptions extends CseMockOptions {
  /** Interface to bind; default `127.0.0.1`. Use `0.0.0.0` to accept other machines. */
  host?: string
  /** TCP port; default 30100. `0` picks a free port (read it from `server.port`). */
  port?: number
  /** Serve this mock instead of creating one; the options that shape a new mock are ignored. */
  mock?: CseMock
  /** How often websocket clients are pinged; default 30 s, as Service Center does. */
  pingIntervalMs?: number
  /** Called once per HTTP request, after its response is written. */
  onRequest?: (entry: RequestLogEntry) => void
  /**
   * More `Host` names the control API and the websockets accept, besides loopback names, IP
   * addresses and `host`: exact names, `.example.com` for a domain and its subdomains, or
   * `'all'`. Guards against DNS rebinding; see docs/server.md.
   */
  allowedHosts?: readonly string[] | 'all'
  /**
   * Milliseconds `close()` waits for in-flight requests, stalled clients and websockets before
   * destroying their connections; default 10 s.
   */
  shutdownTimeoutMs?: number
  /**
   * Told about an error a request, upgrade or websocket listener let escape, after its
   * connection was answered or closed; the server itself keeps running. Default: ignored.
   */
  onError?: ErrorSink
  /**
   * Answer registry calls on kept-alive connections without `node:http`'s request and response
   * objects (the wire stays byte for byte the same; see docs/server.md); default true. `false`
   * sends every request through `node:http`.
   */
  fastPath?: boolean
}

/** A running standalone registry. */
export interface CseMockServer {
  /** Base URL, e.g. `http://127.0.0.1:30100`. */
  readonly url: string
  readonly port: number
  readonly mock: CseMock
  /**
   * Stops accepting, lets in-flight requests finish, closes websockets and idle connections;
   * whatever is still open after `shutdownTimeoutMs` is destroyed, so it always settles.
   */
  close(): Promise<void>
}

/**
 * Starts the registry mock as a real HTTP server, for clients that cannot load MSW handlers
 * (Java chassis, Spring Cloud Huawei, Go chassis), websocket watcher and heartbeat included.
 * @example
 * const server = await startCseMockServer({ port: 0, seed: 42 })
 * await fetch(`${server.url}/v4/default/registry/health`)
 * await server.close()
 */
export async function startCseMockServer(
  options: CseMockServerOptions = {},
): Promise<CseMockServer> {
  const {
    host = DEFAULT_HOST,
    port = DEFAULT_PORT,
    mock: givenMock,
    pingIntervalMs = DEFAULT_PING_INTERVAL_MS,
    onRequest,
    allowedHosts,
    shutdownTimeoutMs = DEFAULT_SHUTDOWN_TIMEOUT_MS,
    onError = () => undefined,
    fastPath = true,
    ...mockOptions
  } = options
  checkListenOptions(port, pingIntervalMs, shutdownTimeoutMs)
  // The server captures headers and bodies unless told not to: the inspector shows them.
  const mock = givenMock ?? (await createCseMock({ captureBodies: true, ...mockOptions }))
  // The control API (faults, clock, snapshots over HTTP) answers before the registry does.
  const router = createHandlerRouter(mock, mockOptions.baseUrl ?? '*')
  let origin = ''
  let closing = false
  const guard = createOriginGuard({ boundHost: host, allowedHosts })
  const gateway = createWebSocketGateway({
    registry: mock.registry,
    pingIntervalMs,
    guard,
    onError,
  })
  let seq = 0
  const nextSeq = () => ++seq
  const logged = (entry: RequestLogEntry) => {
    if (replacesContent(entry)) gateway.closeWatchers()
    onRequest?.(entry)
  }
  const listener = createRequestListener({
    handlers: (method, pathname) => ({ routed: router.route(method, pathname), all: router.all }),
    direct: (method, pathname) => router.direct(method, pathname),
    origin: () => origin,
    closing: () => closing,
    nextSeq,
    onRequest: logged,
    guard: (req, pathname) => {
      if (!pathname.startsWith(CONTROL_PREFIX)) return undefined
      const refusal = guard.checkWrite(req)
      if (!refusal) return undefined
      return controlErrorResponse(new ControlError(refusal.status, refusal.code, refusal.message))
    },
  })
  // Service Center's header limit, so a request it would take is never refused here.
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES })
  server.on(
    'request',
    contain(listener, 'request', onError, (_req, res) => res.destroy()),
  )
  server.on(
    'clientError',
    contain(answerClientError, 'socket', onError, (_e, socket) => socket.destroy()),
  )
  // Longer than the 5 s default so pooled Java and Go clients rarely reuse a closed connection.
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS
  // Closing ends what would otherwise keep it waiting: event streams (the inspector's live
  // feed, ended by `closeStreams`) never finish, and a connection a client opened but never
  // used is not "idle" to node:http (fetch opens one after an aborted stream).
  const lingering = new Set<Socket>()
  server.on('connection', (socket: Socket) => {
    lingering.add(socket)
    socket.once('close', () => lingering.delete(socket))
  })
  server.on('request', (req, res: ServerResponse) => {
    lingering.delete(req.socket)
    res.once('close', () => {
      if (closing) setImmediate(() => server.closeIdleConnections())
    })
  })
  const fast = fastPath
    ? installFastPath(server, {
        direct: (method, pathname) => router.direct(method, pathname),
        origin: () => origin,
        closing: () => closing,
        nextSeq,
        onRequest: logged,
        onError,
        maxHeaderBytes: MAX_HEADER_BYTES,
        keepAliveTimeoutMs: KEEP_ALIVE_TIMEOUT_MS,
        onFirstRequest: (socket) => lingering.delete(socket),
      })
    : undefined
  server.on('upgrade', (req) => lingering.delete(req.socket))
  server.on(
    'upgrade',
    contain(gateway.handleUpgrade, 'upgrade', onError, (_req, socket) => socket.destroy()),
  )
  await listen(server, host, port)
  const bound = (server.address() as AddressInfo).port
  const hostPort = `${host.includes(':') ? `[${host}]` : host}:${bound}`
  origin = `http://${hostPort}`
  // SERVICECENTER's own instance names the address the registry answers on, as SC's does.
  mock.registry.setOwnEndpoint(`rest://${hostPort}/`, hostname())
  const stopSweeper = startSweeper(mock)
  let closed: Promise<void> | undefined

  return {
    url: origin,
    port: bound,
    mock,
    close() {
      closed ??= new Promise<void>((resolve, reject) => {
        closing = true
        stopSweeper()
        gateway.close()
        changeFeedOf(mock).closeStreams()
        // Only connections that never sent a byte: half a request waits for the deadline.
        for (const socket of lingering) if (socket.bytesRead === 0) socket.destroy()
        fast?.closeIdle()
        // Node stops its header and request timeouts once close() is called: a client that
        // sends half a request would hold the server open for ever without this deadline.
        const deadline = setTimeout(() => {
          server.closeAllConnections()
          fast?.destroyAll()
          gateway.terminate()
        }, shutdownTimeoutMs)
        deadline.unref()
        server.close((error) => {
          clearTimeout(deadline)
          gateway.terminate()
          if (error) reject(error)
          else resolve()
        })
        server.closeIdleConnections()
      })
      return closed
    },
  }
}

/** How long an idle kept-alive connection stays open. */
const KEEP_ALIVE_TIMEOUT_MS = 65_000

/** Control calls after which the registry holds new content and has dropped its watchers. */
function replacesContent(entry: RequestLogEntry): boolean {
  if (entry.status < 200 || entry.status >= 300 || !entry.url.startsWith(CONTROL_PREFIX))
    return false
  const path = entry.url.split('?', 1)[0]
  return (
    (entry.method === 'POST' &&
      (path === `${CONTROL_PREFIX}/reset` || path === `${CONTROL_PREFIX}/seed`)) ||
    (entry.method === 'PUT' && path === `${CONTROL_PREFIX}/snapshot`)
  )
}

function listen(server: ReturnType<typeof createServer>, host: string, port: number) {
  return new Promise<void>((resolve, reject) => {
    const onError = (error: unknown) => reject(listenError(error, host, port))
    server.once('error', onError)
    server.listen(port, host, () => {
      server.off('error', onError)
      resolve()
    })
  })
}

function checkListenOptions(port: number, pingIntervalMs: number, shutdownMs: number): void {
  if (!Number.isFinite(shutdownMs) || shutdownMs < 0) {
    throw new CseMockServerError(
      'ERR_INVALID_SHUTDOWN_TIMEOUT',
      `Failed to start the server: shutdownTimeoutMs ${String(shutdownMs)} is not a number of milliseconds from 0. Pass e.g. 10000.`,
    )
  }
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new CseMockServerError(
      'ERR_INVALID_PORT',
      `Failed to start the server: port ${String(port)} is not an integer from 0 to 65535. Pass a port number, or 0 for a free port.`,
    )
  }
  if (!Number.isFinite(pingIntervalMs) || pingIntervalMs <= 0) {
    throw new CseMockServerError(
      'ERR_INVALID_PING_INTERVAL',
      `Failed to start the server: pingIntervalMs ${String(pingIntervalMs)} is not a positive number. Pass milliseconds, e.g. 30000.`,
    )
  }
}
