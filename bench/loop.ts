/** One call of a sequential loop; a promise is awaited before the next call. */
export type Operation = () => unknown

/** Limits of one round: whichever comes first. */
export interface RoundLimits {
  roundMs: number
  maxOps: number
}

/** Reading the clock after every call would cost more than a registry lookup. */
const CLOCK_EVERY = 32
const YIELD_EVERY = 256

/**
 * Calls `op` one call after the other until `maxOps` calls or `roundMs` (wall clock) have
 * passed, and returns the CPU time per call in microseconds. CPU time (the process's user and
 * system time, every thread) rather than wall time: on a shared machine other processes take
 * the cores away at random, which moves wall time but not the work a call costs.
 */
export async function timeRound(op: Operation, limits: RoundLimits): Promise<number> {
  const deadline = performance.now() + limits.roundMs
  const cpu = process.cpuUsage()
  let ops = 0
  while (ops < limits.maxOps) {
    const result = op()
    if (isPromise(result)) {
      await result
      // A loop of promises alone never lets the event loop run, and with it the finalizers
      // that free undici's Request and Response internals: the heap would grow all round.
      if (ops % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve))
    }
    ops++
    if (ops % CLOCK_EVERY === 0 && performance.now() >= deadline) break
  }
  const used = process.cpuUsage(cpu)
  return (used.user + used.system) / ops
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

function isPromise(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  )
}
