/** Where an escaped error came from, for the server's `onError` option. */
export type ErrorSource = 'request' | 'upgrade' | 'websocket' | 'socket'

/** Receives an error a listener let escape, after the server has dealt with its connection. */
export type ErrorSink = (error: unknown, source: ErrorSource) => void

/**
 * Wraps an event listener so that nothing it throws, or rejects with, reaches the event loop:
 * an uncaught exception in a `request`, `upgrade` or websocket listener would stop the whole
 * process, and with it every other client's registry. `recover` runs first (it closes the one
 * connection concerned), then the error goes to `sink`.
 * @example
 * server.on('upgrade', contain(gateway.handleUpgrade, 'upgrade', sink, (_req, socket) => socket.destroy()))
 */
export function contain<Args extends unknown[]>(
  listener: (...args: Args) => unknown,
  source: ErrorSource,
  sink: ErrorSink,
  recover?: (...args: Args) => void,
): (...args: Args) => void {
  const fail = (error: unknown, args: Args) => {
    try {
      recover?.(...args)
    } catch {
      // The connection is already gone; nothing is left to close.
    }
    try {
      sink(error, source)
    } catch {
      // A failing sink must not become the uncaught exception it exists to prevent.
    }
  }
  return (...args: Args) => {
    try {
      const result = listener(...args)
      if (result instanceof Promise) result.catch((error: unknown) => fail(error, args))
    } catch (error) {
      fail(error, args)
    }
  }
}
