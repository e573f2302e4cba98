import type { CseMock } from '../mock.ts'

/** How often expired instances are removed when the mock runs on the system clock. */
export const SWEEP_INTERVAL_MS = 1_000

/**
 * Expires due instances every second on the system clock, so leases lapse (and watchers hear
 * `DELETE`) even when nobody calls the registry. A virtual clock only moves through
 * `mock.advance()`, which sweeps by itself, so no timer is started. Returns the stop function.
 * @example
 * const stop = startSweeper(mock)
 */
export function startSweeper(mock: CseMock, intervalMs = SWEEP_INTERVAL_MS): () => void {
  if ('advance' in mock.clock) return () => {}
  const timer = setInterval(() => {
    try {
      mock.registry.sweep()
    } catch {
      // A failed sweep is retried on the next tick; it must not take the server down.
    }
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
