import type { Server } from 'node:http'
import type { Socket } from 'node:net'
import { FastConnection, type FastPathOptions } from './fast-connection.ts'

/** The fast path of a running server, for its shutdown. */
export interface FastPath {
  /** Closes the connections with nothing in flight; the others close after their answer. */
  closeIdle(): void
  /** Destroys every connection still on the fast path. */
  destroyAll(): void
}

type ConnectionListener = (this: Server, socket: Socket) => void

/**
 * Puts the fast path in front of a `node:http` server: every accepted connection starts on it,
 * and the first request it does not answer itself hands the connection to the server's own
 * connection handling, which then serves it as if it had accepted it (timeouts, errors,
 * upgrades, the MSW route). Returns `undefined`, leaving the server as it was, when this Node
 * does not name its connection handler as expected.
 * @example
 * const fast = installFastPath(server, { direct, origin, closing, nextSeq, onError, maxHeaderBytes, keepAliveTimeoutMs })
 */
export function installFastPath(server: Server, options: FastPathOptions): FastPath | undefined {
  const own = server
    .listeners('connection')
    .find((listener) => listener.name === 'connectionListener') as ConnectionListener | undefined
  if (!own) return undefined
  const open = new Set<FastConnection>()
  server.removeListener('connection', own)
  server.prependListener('connection', (socket: Socket) => {
    const connection = new FastConnection(socket, options, (handed) => {
      open.delete(connection)
      own.call(server, handed)
    })
    open.add(connection)
    socket.once('close', () => open.delete(connection))
  })
  return {
    closeIdle() {
      for (const connection of open) if (connection.idle) connection.socket.destroy()
    },
    destroyAll() {
      for (const connection of open) connection.socket.destroy()
    },
  }
}
