import { sha1Hex } from './sha1.ts'

/**
 * A registry-wide, ever-increasing change counter, like etcd's mod revision: every change to a
 * service or instance stamps it with the next value. It is never reset (not even by `reset()`),
 * so a revision a client cached before a reset cannot match afterwards by accident.
 * @example
 * const counter = createRevisionCounter()
 * counter.next() // 1
 */
export interface RevisionCounter {
  next(): number
}

/**
 * Creates the change counter.
 * @example
 * createRevisionCounter().next() // 1
 */
export function createRevisionCounter(): RevisionCounter {
  let current = 0
  return { next: () => ++current }
}

/**
 * Service Center gives every empty result the same revision (reference §1.7); this is its
 * value, as observed on Service Center 2.2 (`docs/compatibility.md`).
 */
const EMPTY_REVISION = sha1Hex('0.0,')

/** Revisions computed lately, by SHA-1 input; cleared when full. */
const RECENT_REVISIONS = 4096
const recentRevisions = new Map<string, string>()

/**
 * The `X-Resource-Revision` of a result: like Service Center, a SHA-1 over the highest change
 * stamp among the matched records and how many instances the result holds. Computed from
 * counters, never by hashing instance bodies, so its cost does not grow with the result.
 * @example
 * revisionOf(42, 3) // 40 hex digits
 */
export function revisionOf(maxModRevision: number, instanceCount: number): string {
  if (instanceCount === 0) return EMPTY_REVISION
  const input = `${maxModRevision}.${instanceCount},`
  let revision = recentRevisions.get(input)
  if (revision === undefined) {
    // The same few results are asked for again and again (heartbeat loops, polling
    // discovery); the pure-JS SHA-1 was ~4% of a discovery call in the standalone server.
    if (recentRevisions.size >= RECENT_REVISIONS) recentRevisions.clear()
    revision = sha1Hex(input)
    recentRevisions.set(input, revision)
  }
  return revision
}

/**
 * A value with its revision and whether the caller's `rev` is still current (→ 304).
 * @example
 * const r: Revisioned<{ instances?: [] }> = { value: {}, revision: 'abc', notModified: false }
 */
export interface Revisioned<T> {
  value: T
  revision: string
  notModified: boolean
}

/**
 * Wraps a value with its revision, comparing against the client's `rev`.
 * @example
 * revisioned({}, 'abc', 'abc').notModified // true
 */
export function revisioned<T>(value: T, revision: string, rev: string | undefined): Revisioned<T> {
  return { value, revision, notModified: rev !== undefined && rev !== '' && rev === revision }
}
