import type { Clock } from '../clock.ts'
import type { AccountLock } from './model.ts'

const BLOCK_INTERVAL_MS = 15 * 60_000
const MAX_ATTEMPTS = 2
const RELEASE_LOCK_AFTER_S = 15 * 60
const RETAIN_LOCK_HISTORY_FOR_S = 20 * 60

/**
 * Service Center's login-failure blocker: per `name::address` key a token bucket of two
 * attempts refilled one per 15 minutes; a failure the bucket cannot pay for bans the key for
 * 15 minutes, and earlier failures leave an `attempted` lock kept for 20 minutes. Runs on the
 * registry's clock, so a virtual clock releases a ban.
 * @example
 * const lockout = new Lockout(clock)
 * lockout.fail('dev::10.0.0.7'); lockout.fail('dev::10.0.0.7'); lockout.fail('dev::10.0.0.7')
 * lockout.isBanned('dev::10.0.0.7') // true
 */
export class Lockout {
  readonly #clock: Clock
  readonly #buckets = new Map<string, { tokens: number; at: number }>()
  readonly #locks = new Map<string, Required<AccountLock>>()

  constructor(clock: Clock) {
    this.#clock = clock
  }

  /** Records a failed login or password check for the key. */
  fail(key: string): void {
    const now = this.#clock.now()
    const bucket = this.#buckets.get(key) ?? { tokens: MAX_ATTEMPTS, at: now }
    bucket.tokens = Math.min(MAX_ATTEMPTS, bucket.tokens + (now - bucket.at) / BLOCK_INTERVAL_MS)
    bucket.at = now
    const allowed = bucket.tokens >= 1
    if (allowed) bucket.tokens -= 1
    this.#buckets.set(key, bucket)
    const seconds = Math.floor(now / 1000)
    this.#locks.set(key, {
      key,
      status: allowed ? 'attempted' : 'banned',
      releaseAt: seconds + (allowed ? RETAIN_LOCK_HISTORY_FOR_S : RELEASE_LOCK_AFTER_S),
    })
  }

  /** Whether the key is banned now; a lock past its release time is dropped. */
  isBanned(key: string): boolean {
    const lock = this.#locks.get(key)
    if (!lock) return false
    if (lock.releaseAt < Math.floor(this.#clock.now() / 1000)) {
      this.#locks.delete(key)
      return false
    }
    return lock.status === 'banned'
  }

  /** The locks, as `GET /v4/account-locks` lists them. */
  list(): AccountLock[] {
    return [...this.#locks.values()].map((lock) => ({ ...lock }))
  }

  /**
   * The locks a snapshot keeps: those not released yet. The attempt counters stay out, as
   * Service Center keeps them in its process and the locks in etcd.
   */
  held(): Required<AccountLock>[] {
    const now = Math.floor(this.#clock.now() / 1000)
    return [...this.#locks.values()]
      .filter((lock) => lock.releaseAt >= now)
      .map((lock) => ({ ...lock }))
  }

  /** Replaces the locks with a snapshot's; attempts start afresh, as after a restart. */
  replace(locks: readonly Required<AccountLock>[]): void {
    this.clear()
    for (const lock of locks) this.#locks.set(lock.key, { ...lock })
  }

  /** Forgets every lock and attempt. */
  clear(): void {
    this.#buckets.clear()
    this.#locks.clear()
  }
}

/**
 * The key Service Center locks: the account name and the client address.
 * @example
 * banKey('dev', '10.0.0.7') // 'dev::10.0.0.7'
 */
export function banKey(name: string, address: string): string {
  return `${name}::${address}`
}
