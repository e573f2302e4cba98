import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { type WebSocket, WebSocketServer } from 'ws'
import { checkAuthorization } from '../http/auth.ts'
import { goJsonText } from '../http/go-json.ts'
import type { Registry } from '../registry/index.ts'
import { contain, type ErrorSink } from './contain.ts'
import { serveHeartbeat } from './heartbeat-socket.ts'
import type { OriginGuard } from './origin-guard.ts'
import { serveWatcher } from './watcher-socket.ts'

const WATCHER = /^\/v4\/([^/]+)\/registry\/microservices\/([^/]+)\/watcher\/?$/
const HEARTBEAT =
  /^\/v4\/([^/]+)\/registry\/microservices\/([^/]+)\/instances\/([^/]+)\/heartbeat\/?$/

/**
 * The server ignores what clients send on its websockets (pings and pongs aside), so a frame
 * needs no room: larger ones close the socket with 1009 instead of being buffered.
 */
const MAX_FRAME_BYTES = 4 * 1024

/** The websocket side of the standalone server. */
export interface WebSocketGateway {
  /** The `upgrade` listener of the HTTP server. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void
  /**
   * Closes the watcher sockets with 1012 (service restart). The registry drops its watchers when
   * its content is replaced, so clients must reconnect to be subscribed again.
   */
  closeWatchers(): void
  /** Closes every open websocket with 1001 (going away). */
  close(): void
  /** Destroys whatever websocket is still open, closing handshake done or not. */
  terminate(): void
}

/**
 * Builds the websocket endpoints of the registry on top of `ws`: the watcher and the heartbeat
 * socket. Upgrades to any other path are refused with Go's plain-text 404, other methods than
 * GET with 405 and `Allow: GET`; with a guard, upgrades from other sites' pages get 403, and
 * with accounts configured an upgrade needs a token like any registry call (refused, as
 * Service Center does, with a bodiless 200 and no upgrade).
 * @example
 * const gateway = createWebSocketGateway({ registry, pingIntervalMs: 30_000 })
 * server.on('upgrade', gateway.handleUpgrade)
 */
export function createWebSocketGateway(options: {
  registry: Registry
  pingIntervalMs: number
  guard?: OriginGuard | undefined
  onError?: ErrorSink | undefined
}): WebSocketGateway {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES })
  const watchers = new Set<WebSocket>()
  const { registry, pingIntervalMs, guard } = options
  const sink: ErrorSink = options.onError ?? (() => undefined)
  return {
    handleUpgrade(req, socket, head) {
      socket.on('error', () => socket.destroy())
      const pathname = (req.url ?? '/').split('?', 1)[0] ?? '/'
      const watcher = WATCHER.exec(pathname)
      const heartbeat = HEARTBEAT.exec(pathname)
      if (!watcher && !heartbeat) {
        refuse(socket, 404, 'Not Found', '404 page not found')
        return
      }
      if (req.method !== 'GET') {
        refuse(socket, 405, 'Method Not Allowed', 'Method Not Allowed', 'Allow: GET\r\n')
        return
      }
      const handshake = handshakeProblem(req)
      if (handshake) {
        // `ws` would answer an HTML page; the registry's framework answers plain text.
        refuse(socket, 400, 'Bad Request', `websocket: ${handshake}`)
        return
      }
      const refusal = guard?.checkSource(req)
      if (refusal) {
        refuseJson(socket, refusal.status, {
          error: { code: refusal.code, message: refusal.message },
        })
        return
      }
      // The upgrade needs a token and a role allowing it with RBAC on, as any call does.
      const header = (name: string) => {
        const value = req.headers[name.toLowerCase()]
        return (Array.isArray(value) ? value.join(', ') : value) ?? null
      }
      // A failing check rejects into the upgrade listener's containment, like a throw would.
      return checkAuthorization(registry, req.headers.authorization, {
        operationId: watcher ? 'watch' : 'heartbeatWebSocket',
        method: 'GET',
        path: req.url ?? pathname,
        header,
      }).then((denied) => (denied ? refuseUnauthorized(socket) : upgrade()))
      function upgrade() {
        wss.handleUpgrade(
          req,
          socket,
          head,
          contain(
            (ws: WebSocket) => {
              ws.on('error', () => ws.terminate())
              if (watcher) {
                watchers.add(ws)
                ws.once('close', () => watchers.delete(ws))
                const [, project, consumerId] = watcher.map(decode)
                serveWatcher(ws, req, {
                  registry,
                  project: project!,
                  consumerId: consumerId!,
                  pingIntervalMs,
                })
              } else if (heartbeat) {
                const [, project, serviceId, instanceId] = heartbeat.map(decode)
                serveHeartbeat(ws, req, {
                  registry,
                  project: project!,
                  serviceId: serviceId!,
                  instanceId: instanceId!,
                  pingIntervalMs,
                })
              }
            },
            'websocket',
            sink,
            (ws) => ws.terminate(),
          ),
        )
      }
    },
    closeWatchers() {
      for (const socket of watchers) socket.close(1012, 'registry content replaced; reconnect')
    },
    close() {
      for (const client of wss.clients) client.close(1001, 'server shutting down')
      wss.close()
    },
    terminate() {
      for (const client of wss.clients) client.terminate()
    },
  }
}

/** What RFC 6455 §4.2.1 finds wrong with an opening handshake, if anything. */
function handshakeProblem(req: IncomingMessage): string | undefined {
  if (!/(?:^|,)\s*websocket\s*(?:,|$)/i.test(req.headers.upgrade ?? '')) {
    return "the client is not using the websocket protocol: 'websocket' token not found in 'Upgrade' header"
  }
  const key = req.headers['sec-websocket-key']
  if (typeof key !== 'string' || !/^[+/0-9A-Za-z]{22}==$/.test(key)) {
    return "not a websocket handshake: 'Sec-WebSocket-Key' header is missing or blank"
  }
  const version = req.headers['sec-websocket-version']
  if (version !== '13' && version !== '8') {
    return "unsupported version: 13 not found in 'Sec-Websocket-Version' header"
  }
  return undefined
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

function refuse(socket: Duplex, status: number, reason: string, body: string, extra = ''): void {
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=UTF-8\r\n${extra}Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    () => socket.destroy(),
  )
}

function refuseJson(socket: Duplex, status: number, payload: unknown): void {
  const body = goJsonText(payload)
  socket.end(
    `HTTP/1.1 ${status} Forbidden\r\nContent-Type: application/json; charset=UTF-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    () => socket.destroy(),
  )
}

/**
 * How Service Center refuses an upgrade its auth check fails (no token, bad token, no
 * permission): a bodiless `200 OK` without `Content-Type`, never a 401 (observed on SC 2.2.0,
 * docs/compatibility.md); a websocket client then fails its handshake.
 */
function refuseUnauthorized(socket: Duplex): void {
  socket.end('HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n', () =>
    socket.destroy(),
  )
}
