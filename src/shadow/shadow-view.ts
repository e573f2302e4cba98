import type { Difference } from '../compare/types.ts'
import type { ShadowLabel, ShadowRecord } from './shadow-record.ts'

/**
 * A record as the inspector keeps it: values cut to a few hundred characters and at most a
 * couple of dozen differences, the rest counted in `omitted` (the totals count them all).
 * @example
 * const kept: ShadowKeptRecord = { ...record, omitted: 3 }
 */
export interface ShadowKeptRecord extends ShadowRecord {
  /** Differences of the record beyond the ones kept. */
  omitted?: number
}

/**
 * How often one kind of difference was seen at one place of one operation's answers; a known
 * (labelled) difference is counted apart from an unexpected one at the same place.
 * @example
 * const total: ShadowTotal = { operation: 'findInstances', kind: 'header-case', where: 'X-Request-Id', count: 4 }
 */
export interface ShadowTotal {
  operation: string
  kind: Difference['kind']
  /** Header name or JSON path as in the differences; `*` gathers places past the kept ones. */
  where: string
  label?: ShadowLabel
  /** The reason of the first labelled difference counted here. */
  reason?: string
  count: number
}

/**
 * The requests of one operation seen in a shadow session.
 * @example
 * const op: ShadowOperationTotal = { operation: 'heartbeat', records: 40, differing: 0, unlabelled: 0 }
 */
export interface ShadowOperationTotal {
  operation: string
  records: number
  /** Records with at least one difference. */
  differing: number
  /** Records with at least one difference that no label explains. */
  unlabelled: number
}

/**
 * What `GET /__cse-mock/shadow` answers while the server shadows a live registry.
 * @example
 * if (view.active) console.log(view.seen, view.totals.length)
 */
export interface ActiveShadowView {
  active: true
  /** The live endpoint, without user info, query or fragment. */
  live: string
  /** When the session started (ISO 8601). */
  startedAt: string
  /** Records of the session so far. */
  seen: number
  /** Records that fell out of `records`, oldest first. */
  dropped: number
  /** Requests `--shadow-read-only` refused (neither side saw them). */
  refused: number
  /** Requests the live registry gave no answer to (the mock was not asked). */
  unreachable: number
  operations: ShadowOperationTotal[]
  totals: ShadowTotal[]
  /** The latest records, newest first. */
  records: ShadowKeptRecord[]
}

/**
 * The shadow state of a mock: `{ active: false }` when it shadows nothing.
 * @example
 * const view: ShadowView = { active: false }
 */
export type ShadowView = { active: false } | ActiveShadowView
