import { RegistryUsageError } from './errors.ts'

/**
 * The time source of a registry: leases, timestamps and token expiry all read it.
 * @example
 * const clock: Clock = { now: () => Date.now() }
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number
}

/**
 * A clock you move by hand, for tests of TTL expiry.
 * @example
 * const clock = createVirtualClock(0)
 * clock.advance(120_000)
 */
export interface VirtualClock extends Clock {
  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void
  /** Jumps to `ms` milliseconds since the epoch. */
  set(ms: number): void
}

/**
 * The wall clock.
 * @example
 * createSystemClock().now() // Date.now()
 */
export function createSystemClock(): Clock {
  return { now: () => Date.now() }
}

/**
 * A clock that only moves when told to; starts at `startMs` (default: the current wall time).
 * @example
 * const clock = createVirtualClock(Date.UTC(2024, 0, 1))
 * clock.advance(30_000)
 */
export function createVirtualClock(startMs: number = Date.now()): VirtualClock {
  let current = startMs
  return {
    now: () => current,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) {
        throw new RegistryUsageError(
          'ERR_INVALID_DURATION',
          `Failed to advance the virtual clock: ${ms} is not a non-negative number of milliseconds. Pass a duration like 30_000.`,
        )
      }
      current += ms
    },
    set(ms) {
      current = ms
    },
  }
}

/**
 * Unix seconds as a decimal string, the registry's timestamp format (reference §2.1).
 * @example
 * unixSeconds(createVirtualClock(1_700_000_000_500)) // '1700000000'
 */
export function unixSeconds(clock: Clock): string {
  return String(Math.floor(clock.now() / 1000))
}
