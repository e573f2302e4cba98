import type { HealthCheck } from './model.ts'
import type { ProfileRules } from './profile.ts'

/**
 * The health check stored when an instance brings none (reference §7).
 * @example
 * DEFAULT_HEALTH_CHECK.interval // 30
 */
export const DEFAULT_HEALTH_CHECK: Readonly<HealthCheck> = { mode: 'push', interval: 30, times: 3 }

/**
 * The health check as stored: the default when absent, 30/3 in pull mode, and in push mode the
 * profile's minimum applied (reference §7).
 * @example
 * normalizeHealthCheck({ mode: 'push', interval: 1, times: 0 }, PROFILE_RULES.servicecomb) // { mode: 'push', interval: 5, times: 3 }
 */
export function normalizeHealthCheck(
  healthCheck: HealthCheck | undefined,
  rules: Pick<ProfileRules, 'heartbeatMinimum'>,
): HealthCheck {
  if (!healthCheck) return { ...DEFAULT_HEALTH_CHECK }
  if (healthCheck.mode === 'pull') return { ...healthCheck, interval: 30, times: 3 }
  const minimum = rules.heartbeatMinimum
  if (!minimum) return { ...healthCheck }
  return {
    ...healthCheck,
    interval: Math.max(healthCheck.interval, minimum.interval),
    times: Math.max(healthCheck.times ?? 0, minimum.times),
  }
}

/**
 * Lease length in milliseconds: `interval × (times + 1)` seconds.
 * @example
 * ttlMs({ mode: 'push', interval: 30, times: 3 }) // 120_000
 */
export function ttlMs(healthCheck: HealthCheck | undefined): number {
  const { interval, times } = healthCheck ?? DEFAULT_HEALTH_CHECK
  return interval * ((times ?? 0) + 1) * 1000
}

/**
 * The lease of one instance. A heartbeat only moves `expiresAt`; the heap is keyed by
 * `queuedAt`, which trails `expiresAt` and is caught up when the lease reaches the top.
 * @example
 * const lease = leases.grant({ tenantKey: 'default/default', serviceId: 's', instanceId: 'i' }, 120_000, now)
 */
export interface Lease {
  readonly tenantKey: string
  readonly serviceId: string
  readonly instanceId: string
  ttlMs: number
  expiresAt: number
  queuedAt: number
  /** Position in the heap; -1 once expired or revoked. */
  heapIndex: number
}

/**
 * All leases of a registry in a min-heap, so finding what is due costs O(log n) per expiry
 * instead of a scan of every instance per request.
 * @example
 * const leases = new LeaseTable()
 * leases.drain(clock.now(), (lease) => expire(lease))
 */
export class LeaseTable {
  #heap: Lease[] = []

  /** Number of live leases. */
  get size(): number {
    return this.#heap.length
  }

  /** Starts a lease of `ttl` ms from `now`. */
  grant(
    owner: Pick<Lease, 'tenantKey' | 'serviceId' | 'instanceId'>,
    ttl: number,
    now: number,
  ): Lease {
    // Every field written out, not spread: a spread object keeps its fields in a separate,
    // larger array, and there is one lease per instance.
    const lease: Lease = {
      tenantKey: owner.tenantKey,
      serviceId: owner.serviceId,
      instanceId: owner.instanceId,
      ttlMs: ttl,
      expiresAt: now + ttl,
      queuedAt: now + ttl,
      heapIndex: -1,
    }
    lease.heapIndex = this.#heap.length
    this.#heap.push(lease)
    this.#up(lease.heapIndex)
    return lease
  }

  /** Resets the remaining time to the full TTL (optionally a new TTL); O(1) unless it shrinks. */
  renew(lease: Lease, now: number, ttl: number = lease.ttlMs): void {
    lease.ttlMs = ttl
    lease.expiresAt = now + ttl
    // Only an earlier deadline (a shorter TTL, or a clock set backwards) needs the heap moved.
    if (lease.expiresAt < lease.queuedAt && lease.heapIndex >= 0) {
      lease.queuedAt = lease.expiresAt
      this.#up(lease.heapIndex)
    }
  }

  /** Ends a lease without expiring it (deregistration, service deletion). */
  revoke(lease: Lease): void {
    const index = lease.heapIndex
    if (index < 0) return
    lease.heapIndex = -1
    const last = this.#heap.pop()!
    if (index < this.#heap.length) {
      this.#heap[index] = last
      last.heapIndex = index
      this.#down(index)
      this.#up(last.heapIndex)
    }
  }

  /** Calls `expire` for every lease whose deadline is at or before `now`, earliest first. */
  drain(now: number, expire: (lease: Lease) => void): void {
    const heap = this.#heap
    while (heap.length > 0 && heap[0]!.queuedAt <= now) {
      const lease = heap[0]!
      if (lease.expiresAt > now) {
        lease.queuedAt = lease.expiresAt
        this.#down(0)
        continue
      }
      this.revoke(lease)
      expire(lease)
    }
  }

  /** Drops every lease. */
  clear(): void {
    for (const lease of this.#heap) lease.heapIndex = -1
    this.#heap = []
  }

  #up(start: number): void {
    const heap = this.#heap
    let index = start
    const lease = heap[index]!
    while (index > 0) {
      const parentIndex = (index - 1) >> 1
      const parent = heap[parentIndex]!
      if (parent.queuedAt <= lease.queuedAt) break
      heap[index] = parent
      parent.heapIndex = index
      index = parentIndex
    }
    heap[index] = lease
    lease.heapIndex = index
  }

  #down(start: number): void {
    const heap = this.#heap
    const length = heap.length
    let index = start
    const lease = heap[index]!
    for (;;) {
      const left = 2 * index + 1
      if (left >= length) break
      const right = left + 1
      const child = right < length && heap[right]!.queuedAt < heap[left]!.queuedAt ? right : left
      if (heap[child]!.queuedAt >= lease.queuedAt) break
      heap[index] = heap[child]!
      heap[index]!.heapIndex = index
      index = child
    }
    heap[index] = lease
    lease.heapIndex = index
  }
}
