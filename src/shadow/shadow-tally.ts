import { CREDENTIAL_HEADERS } from './auth-headers.ts'
import type { ShadowDifference, ShadowRecord } from './shadow-record.ts'
import type {
  ActiveShadowView,
  ShadowKeptRecord,
  ShadowOperationTotal,
  ShadowTotal,
} from './shadow-view.ts'

/** Records the inspector keeps by default: enough to scroll back through, bounded in memory. */
export const DEFAULT_SHADOW_LIMIT = 2000
/** Differences kept per record; the totals count every one. */
const MAX_DIFFERENCES = 25
/** Characters kept of a live or mock value. */
const MAX_VALUE = 400
/**
 * About how many characters of JSON the kept records may come to together: large records make
 * the ring shorter instead of the page heavier.
 */
const MAX_KEPT_CHARS = 4_000_000
/** Rows of totals (and operations) kept apart; more places are counted under `*`. */
const MAX_ROWS = 1000
const OTHER = '*'

/**
 * The running state of one shadow session as the inspector shows it: a ring of the latest
 * records and totals by operation and difference over every record.
 * @example
 * const tally = createShadowTally({ live: 'https://cse.example:30100', startedAt: new Date().toISOString() })
 * tally.add(record)
 * tally.view().totals
 */
export interface ShadowTally {
  /** Records added since the session started. */
  readonly seen: number
  /** Counts a record and keeps it; answers the record as it was taken in (cleaned, values cut). */
  add(record: ShadowRecord): ShadowRecord
  view(): ActiveShadowView
}

/**
 * Starts the tally of a session, empty or from a view read earlier (the page then adds the
 * records that arrive after it).
 * @example
 * const tally = createShadowTally({ live, startedAt, limit: 500 })
 */
export function createShadowTally(
  options: { live: string; startedAt: string; limit?: number },
  from?: ActiveShadowView,
): ShadowTally {
  const limit = Math.max(1, Math.floor(options.limit ?? DEFAULT_SHADOW_LIMIT))
  // Oldest first; a shift off 2,000 entries costs less than the record's own copy.
  const ring: { record: ShadowKeptRecord; chars: number }[] = []
  let keptChars = 0
  let seen = from?.seen ?? 0
  let dropped = 0
  let refused = from?.refused ?? 0
  let unreachable = from?.unreachable ?? 0
  const operations = new Map<string, ShadowOperationTotal>()
  const totals = new Map<string, ShadowTotal>()
  for (const op of from?.operations ?? []) operations.set(op.operation, { ...op })
  for (const total of from?.totals ?? []) totals.set(keyOf(total), { ...total })
  const keep = (record: ShadowKeptRecord) => {
    const chars = charsOf(record)
    ring.push({ record, chars })
    keptChars += chars
    while (ring.length > limit || (keptChars > MAX_KEPT_CHARS && ring.length > 1)) {
      keptChars -= ring.shift()!.chars
      dropped++
    }
  }
  // A view lists the newest first; a smaller ring keeps the newest of them.
  for (const record of [...(from?.records ?? [])].reverse()) keep(record)
  dropped += from?.dropped ?? 0

  const operationOf = (name: string) => {
    let found = operations.get(name)
    if (found) return found
    const key = operations.size >= MAX_ROWS ? OTHER : name
    found = operations.get(key)
    if (!found) {
      found = { operation: key, records: 0, differing: 0, unlabelled: 0 }
      operations.set(key, found)
    }
    return found
  }
  const count = (record: ShadowRecord) => {
    if (record.refused) refused++
    else if (record.liveError !== undefined) unreachable++
    const operation = operationOf(record.operation)
    operation.records++
    if (record.differences.length > 0) operation.differing++
    if (record.differences.some((d) => d.label === undefined)) operation.unlabelled++
    for (const difference of record.differences) {
      const total: ShadowTotal = {
        operation: operation.operation,
        kind: difference.kind,
        where: difference.where,
        count: 0,
      }
      if (difference.label !== undefined) total.label = difference.label
      let found = totals.get(keyOf(total))
      if (!found && totals.size >= MAX_ROWS) {
        total.where = OTHER
        found = totals.get(keyOf(total))
      }
      if (!found) {
        if (difference.reason !== undefined && total.label !== undefined) {
          total.reason = difference.reason
        }
        found = total
        totals.set(keyOf(found), found)
      }
      found.count++
    }
  }

  return {
    get seen() {
      return seen
    },
    add(record) {
      const clean = cleaned(record)
      seen++
      count(clean)
      const kept: ShadowKeptRecord = { ...clean }
      if (clean.differences.length > MAX_DIFFERENCES) {
        kept.differences = clean.differences.slice(0, MAX_DIFFERENCES)
        kept.omitted = clean.differences.length - MAX_DIFFERENCES
      }
      keep(kept)
      return clean
    },
    view() {
      const records: ShadowKeptRecord[] = []
      for (let i = ring.length - 1; i >= 0; i--) records.push(ring[i]!.record)
      return {
        active: true,
        live: options.live,
        startedAt: options.startedAt,
        seen,
        dropped,
        refused,
        unreachable,
        operations: [...operations.values()].map((op) => ({ ...op })),
        totals: [...totals.values()].map((total) => ({ ...total })),
        records,
      }
    },
  }
}

/** About the record's length as JSON: its strings and the field names around them. */
function charsOf(record: ShadowKeptRecord): number {
  let chars = 200 + record.path.length
  for (const d of record.differences) {
    chars += 60 + d.where.length + d.left.length + d.right.length + (d.reason?.length ?? 0)
  }
  return chars
}

function keyOf(total: Pick<ShadowTotal, 'operation' | 'kind' | 'where' | 'label'>): string {
  return JSON.stringify([total.operation, total.kind, total.where, total.label ?? ''])
}

/**
 * Copies only the fields a record is made of, so nothing else the caller's object carries
 * (a header, a token) reaches the inspector, and hides values of credential headers.
 */
function cleaned(record: ShadowRecord): ShadowRecord {
  const out: ShadowRecord = {
    seq: record.seq,
    at: record.at,
    operation: record.operation,
    method: record.method,
    path: record.path,
    liveStatus: record.liveStatus,
    mockStatus: record.mockStatus,
    liveMs: record.liveMs,
    differences: record.differences.map(cleanedDifference),
  }
  if (record.liveError !== undefined) out.liveError = cut(record.liveError)
  if (record.refused !== undefined) out.refused = record.refused
  return out
}

function cleanedDifference(difference: ShadowDifference): ShadowDifference {
  const secret =
    (difference.kind === 'header' || difference.kind === 'header-value') &&
    CREDENTIAL_HEADERS.has(difference.where.toLowerCase())
  const value = (text: string) => (secret && text !== 'absent' ? 'hidden' : cut(text))
  const out: ShadowDifference = {
    kind: difference.kind,
    where: cut(difference.where),
    left: value(difference.left),
    right: value(difference.right),
  }
  if (difference.label !== undefined) out.label = difference.label
  if (difference.reason !== undefined) out.reason = cut(difference.reason)
  return out
}

function cut(text: string): string {
  const value = String(text)
  return value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE - 1)}…` : value
}
