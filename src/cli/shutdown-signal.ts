/**
 * Resolves with the first SIGINT or SIGTERM. Its listeners are removed at once, so a second
 * Ctrl-C stops the process the usual way without waiting for a graceful shutdown.
 * @example
 * const signal = await waitForShutdownSignal() // 'SIGTERM'
 */
export function waitForShutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
      resolve(signal)
    }
    process.on('SIGINT', onSignal)
    process.on('SIGTERM', onSignal)
  })
}
