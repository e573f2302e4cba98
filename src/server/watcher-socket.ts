import type { IncomingMessage } from 'node:http'
import type { WebSocket } from 'ws'
import type { Registry } from '../registry/index.ts'
import { keepAlive } from './keep-alive.ts'
import { errorText, websocketContext } from './websocket-context.ts'

/**
 * Serves `GET …/microservices/{serviceId}/watcher` on an upgraded socket: every instance change
 * of the consumer's providers goes out as one JSON text frame; an unknown consumer gets one text
 * frame with the error, then the socket closes. Client messages are ignored.
 * @example
 * serveWatcher(socket, req, { registry, project: 'default', consumerId, pingIntervalMs: 30_000 })
 */
export function serveWatcher(
  socket: WebSocket,
  req: IncomingMessage,
  options: { registry: Registry; project: string; consumerId: string; pingIntervalMs: number },
): void {
  const ctx = websocketContext(req, options.project)
  let unsubscribe: () => void
  try {
    unsubscribe = options.registry.watch(ctx, options.consumerId, (event) => {
      // Called from whichever request changed the registry: a failure here is this socket's.
      try {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event))
      } catch {
        socket.terminate()
      }
    })
  } catch (error) {
    socket.send(errorText(error), () => socket.close())
    return
  }
  socket.once('close', () => unsubscribe())
  keepAlive(socket, options.pingIntervalMs)
}
