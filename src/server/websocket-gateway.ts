import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { type WebSocket, WebSocketServer } from 'ws'
import { checkAuthorization } from '../http/auth.ts'
import type { Registry } from '../registry/index.ts'
import { serveHeartbeat } from './heartbeat-socket.ts'
import { serveWatcher } from './watcher-socket.ts'

const WATCHER = /^\/v4\/([^/]+)\/registry\/microservices\/([^/]+)\/watcher\/?$/
const HEARTBEAT =
  /^\/v4\/([^/]+)\/registry\/microservices\/([^/]+)\/instances\/([^/]+)\/heartbeat\/?$/

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
}

/**
 * Builds the websocket endpoints of the registry on top of `ws`: the watcher and the heartbeat
 * socket. Upgrades to any other path are refused with Go's plain-text 404.
 * @example
 * const gateway = createWebSocketGateway({ registry, pingIntervalMs: 30_000 })
 * server.on('upgrade', gateway.handleUpgrade)
 */
export function createWebSocketGateway(options: {
  registry: Registry
  pingIntervalMs: number
}): WebSocketGateway {
  const wss = new WebSocketServer({ noServer: true })
  const watchers = new Set<WebSocket>()
  const { registry, pingIntervalMs } = options
  return {
    handleUpgrade(req, socket, head) {
      const pathname = (req.url ?? '/').split('?', 1)[0] ?? '/'
      const watcher = WATCHER.exec(pathname)
      const heartbeat = HEARTBEAT.exec(pathname)
      if (!watcher && !heartbeat) {
        refuse(socket)
        return
      }
      if (registry.rbac) {
        // With RBAC on, the upgrade needs a token and a role allowing it, as any call does.
        const header = (name: string) => {
          const value = req.headers[name.toLowerCase()]
          return (Array.isArray(value) ? value.join(', ') : value) ?? null
        }
        void checkAuthorization(registry, req.headers.authorization, {
          operationId: watcher ? 'watch' : 'heartbeatWebSocket',
          method: 'GET',
          path: req.url ?? pathname,
          header,
        }).then(
          (denied) => (denied ? refuseUnauthorized(socket) : upgrade()),
          () => refuseUnauthorized(socket),
        )
        return
      }
      upgrade()
      function upgrade() {
        wss.handleUpgrade(req, socket, head, (ws) => {
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
        })
      }
    },
    closeWatchers() {
      for (const socket of watchers) socket.close(1012, 'registry content replaced; reconnect')
    },
    close() {
      for (const client of wss.clients) client.close(1001, 'server shutting down')
      wss.close()
    },
  }
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

function refuse(socket: Duplex): void {
  const body = '404 page not found'
  socket.end(
    `HTTP/1.1 404 Not Found\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
  )
}

/**
 * How Service Center refuses an upgrade its auth check fails (no token, bad token, no
 * permission): a bodiless `200 OK` without `Content-Type`, never a 401 (observed on SC 2.2.0,
 * docs/compatibility.md); a websocket client then fails its handshake.
 */
function refuseUnauthorized(socket: Duplex): void {
  socket.end('HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n')
}
