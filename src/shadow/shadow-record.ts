import type { Difference } from '../compare/types.ts'

/** Why a difference between live and mock is expected, when it is. */
export type ShadowLabel = 'profile' | 'deliberate'

/** One place where the mock's answer differed from the live registry's, normalised. */
export interface ShadowDifference extends Difference {
  /** Set when the difference is a known one (a profile rule or a documented deliberate choice). */
  label?: ShadowLabel
  /** Why it is expected, when `label` is set. */
  reason?: string
}

/**
 * One client request seen in shadow mode: what it was, what live and mock answered, and where
 * the answers differed. Auth headers are never part of it.
 */
export interface ShadowRecord {
  /** Increasing number of the request within one shadow session, from 1. */
  seq: number
  /** When the client's request arrived (ISO 8601). */
  at: string
  /** The registry operation (spec operationId), or `unknown` for requests outside the API. */
  operation: string
  method: string
  /** Path and query as the client sent them (live ids). */
  path: string
  liveStatus: number
  mockStatus: number
  /** Milliseconds from the client's request to the live answer. */
  liveMs: number
  /** Differences in the order found; empty when the answers agree. */
  differences: ShadowDifference[]
  /** Why the live registry gave no answer (refused connection, timeout); the mock was not asked. */
  liveError?: string
  /** Set when `--shadow-read-only` refused the request: neither side saw it. */
  refused?: boolean
}

/** Receives every record of a shadow session as it is made (log file, summary, inspector). */
export interface ShadowObserver {
  record(record: ShadowRecord): void
  /** Called once when the session ends. */
  close?(): void | Promise<void>
}
