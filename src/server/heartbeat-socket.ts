import type { IncomingMessage } from 'node:http'
import type { WebSocket } from 'ws'
import { type Registry, RegistryError } from '../registry/index.ts'
import { keepAlive } from './keep-alive.ts'
import { closeReason, errorText, websocketContext } from './websocket-context.ts'

/** The close code Service Center sends when the instance of a heartbeat socket is unknown. */
export const INSTANCE_GONE_CLOSE_CODE = 4001

/** Service Center's close reason for an unknown instance; anything else keeps its own text. */
function closeReasonOf(error: unknown): string {
  if (error instanceof RegistryError && (error.code === '400017' || error.code === '400012')) {
    return 'heartbeat reporting failed because the instance does not exist'
  }
  return closeReason(errorText(error))
}

/**
 * Serves `GET …/instances/{instanceId}/heartbeat` on an upgraded socket: the connection itself
 * and every pong (or client ping) renew the instance's lease; an unknown or expired instance
 * closes the socket with code 4001.
 * @example
 * serveHeartbeat(socket, req, { registry, project: 'default', serviceId, instanceId, pingIntervalMs: 30_000 })
 */
export function serveHeartbeat(
  socket: WebSocket,
  req: IncomingMessage,
  options: {
    registry: Registry
    project: string
    serviceId: string
    instanceId: string
    pingIntervalMs: number
  },
): void {
  const ctx = websocketContext(req, options.project)
  const beat = (): boolean => {
    try {
      options.registry.heartbeat(ctx, options.serviceId, options.instanceId)
      return true
    } catch (error) {
      // Runs inside `ws`'s frame handling: a throw here would escape to the event loop.
      try {
        socket.close(INSTANCE_GONE_CLOSE_CODE, closeReasonOf(error))
      } catch {
        socket.terminate()
      }
      return false
    }
  }
  if (!beat()) return
  socket.on('pong', beat)
  socket.on('ping', beat)
  keepAlive(socket, options.pingIntervalMs)
}
