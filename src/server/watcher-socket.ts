import type { IncomingMessage } from 'node:http'
import type { WebSocket } from 'ws'
import { goJsonText } from '../http/go-json.ts'
import { type Registry, RegistryError } from '../registry/index.ts'
import { keepAlive } from './keep-alive.ts'
import { errorText, websocketContext } from './websocket-context.ts'

/**
 * Serves `GET …/microservices/{serviceId}/watcher` on an upgraded socket: every instance change
 * of the consumer's providers goes out as one JSON text frame; an unknown consumer gets the text
 * frame `service does not exist` and then the connection is dropped without a close frame, as
 * Service Center's handler returns and closes its TCP connection. Client messages are ignored.
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
        if (socket.readyState === socket.OPEN) socket.send(goJsonText(event))
      } catch {
        socket.terminate()
      }
    })
  } catch (error) {
    const text =
      error instanceof RegistryError && error.code === '400012'
        ? 'service does not exist'
        : errorText(error)
    socket.send(text, () => socket.terminate())
    return
  }
  socket.once('close', () => unsubscribe())
  keepAlive(socket, options.pingIntervalMs)
}
