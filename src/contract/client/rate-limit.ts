/**
 * What a token bucket needs from time; injectable so tests never wait.
 * @example
 * const clock: BucketClock = { now: () => performance.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) }
 */
export interface BucketClock {
  now(): number
  sleep(ms: number): Promise<void>
}

/**
 * Hands out one token per request, refilled at a fixed rate.
 * @example
 * const bucket: TokenBucket = createTokenBucket(20)
 * await bucket.take()
 */
export interface TokenBucket {
  /** Resolves when a request may be sent. */
  take(): Promise<void>
}

const realClock: BucketClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
}

/**
 * Creates a token bucket allowing `perSecond` requests a second, with bursts of at most
 * `perSecond` requests. Waiters are served in order.
 * @example
 * const bucket = createTokenBucket(20)
 * await bucket.take()
 */
export function createTokenBucket(perSecond: number, clock: BucketClock = realClock): TokenBucket {
  if (!(perSecond > 0) || !Number.isFinite(perSecond)) {
    throw new RangeError(
      `Failed to create the rate limit: ${perSecond} is not a positive number of requests per second. Pass a number above 0.`,
    )
  }
  const capacity = Math.max(1, perSecond)
  let tokens = capacity
  let last = clock.now()
  let queue: Promise<void> = Promise.resolve()

  const refill = () => {
    const now = clock.now()
    tokens = Math.min(capacity, tokens + ((now - last) / 1000) * perSecond)
    last = now
  }
  const acquire = async () => {
    refill()
    while (tokens < 1) {
      await clock.sleep(Math.ceil(((1 - tokens) / perSecond) * 1000))
      refill()
    }
    tokens -= 1
  }
  return {
    take() {
      const turn = queue.then(acquire)
      queue = turn
      return turn
    },
  }
}
