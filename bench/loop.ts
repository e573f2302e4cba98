/** One call of a sequential loop; a promise is awaited before the next call. */
export type Operation = () => unknown

/** Limits of one round: whichever comes first. */
export interface RoundLimits {
  roundMs: number
  maxOps: number
}

/** Reading the clock after every call would cost more than a registry lookup. */
const CLOCK_EVERY = 32

/**
 * Calls `op` one call after the other until `maxOps` calls or `roundMs` have passed, and
 * returns the cost per call in microseconds.
 */
export async function timeRound(op: Operation, limits: RoundLimits): Promise<number> {
  const began = performance.now()
  const deadline = began + limits.roundMs
  let ops = 0
  while (ops < limits.maxOps) {
    const result = op()
    if (isPromise(result)) await result
    ops++
    if (ops % CLOCK_EVERY === 0 && performance.now() >= deadline) break
  }
  return ((performance.now() - began) * 1000) / ops
}

/**
 * Measures `op` the way the in-process figures are measured: one unmeasured warm-up round,
 * then `rounds` rounds, reporting the median cost per call (µs), so a round disturbed by
 * another process does not move the result.
 */
export async function measure(
  op: Operation,
  limits: RoundLimits & { rounds: number },
): Promise<number> {
  await timeRound(op, limits)
  const rounds: number[] = []
  for (let r = 0; r < limits.rounds; r++) rounds.push(await timeRound(op, limits))
  return median(rounds)
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
