import type { WebSocket } from 'ws'

/** How often the server pings websocket clients, as Service Center does (reference §5.12). */
export const DEFAULT_PING_INTERVAL_MS = 30_000

/** Service Center drops a websocket after 120 s of silence: four ping intervals. */
const IDLE_INTERVALS = 4

/**
 * Pings a websocket every `intervalMs` and terminates it once nothing (pong, ping or message)
 * has arrived for four intervals. Returns a function that stops the timer.
 * @example
 * const stop = keepAlive(socket, 30_000)
 * socket.once('close', stop)
 */
export function keepAlive(socket: WebSocket, intervalMs: number): () => void {
  let lastSeen = Date.now()
  const seen = () => {
    lastSeen = Date.now()
  }
  socket.on('pong', seen)
  socket.on('ping', seen)
  socket.on('message', seen)
  const timer = setInterval(() => {
    if (Date.now() - lastSeen > intervalMs * IDLE_INTERVALS) {
      socket.terminate()
      return
    }
    socket.ping()
  }, intervalMs)
  timer.unref()
  const stop = () => clearInterval(timer)
  socket.once('close', stop)
  return stop
}
