import type { ShadowLabel, ShadowObserver, ShadowRecord } from './shadow-record.ts'

/** One line of the summary: how often one kind of difference showed on one operation. */
export interface ShadowSummaryRow {
  operation: string
  kind: string
  where: string
  count: number
  label?: ShadowLabel
  reason?: string
  /** The first occurrence's live and mock values. */
  live: string
  mock: string
}

/** What a shadow session saw, as `--shadow-summary` writes it. */
export interface ShadowSummary {
  requests: number
  /** Requests whose answers agreed once normalised. */
  agreeing: number
  /** Requests with at least one unlabelled difference. */
  differing: number
  refused: number
  unreachable: number
  /** Unlabelled differences first, then labelled ones; each group by count, most first. */
  rows: ShadowSummaryRow[]
}

/** An observer that counts differences by operation, kind and place. */
export interface ShadowSummaryObserver extends ShadowObserver {
  summary(): ShadowSummary
}

/**
 * Creates the observer behind the summary printed on exit.
 * @example
 * const summary = createShadowSummary()
 * summary.record(record)
 * formatSummary(summary.summary())
 */
export function createShadowSummary(): ShadowSummaryObserver {
  const rows = new Map<string, ShadowSummaryRow>()
  const totals = { requests: 0, agreeing: 0, differing: 0, refused: 0, unreachable: 0 }
  return {
    record(record: ShadowRecord) {
      totals.requests += 1
      if (record.refused) totals.refused += 1
      else if (record.liveError !== undefined) totals.unreachable += 1
      else if (record.differences.length === 0) totals.agreeing += 1
      if (record.differences.some((d) => d.label === undefined)) totals.differing += 1
      for (const d of record.differences) {
        const key = [record.operation, d.kind, d.where, d.label ?? ''].join('\u0000')
        const row = rows.get(key)
        if (row) row.count += 1
        else
          rows.set(key, {
            operation: record.operation,
            kind: d.kind,
            where: d.where,
            count: 1,
            ...(d.label ? { label: d.label, reason: d.reason ?? '' } : {}),
            live: d.left,
            mock: d.right,
          })
      }
    },
    summary() {
      const sorted = [...rows.values()].sort(
        (a, b) =>
          Number(a.label !== undefined) - Number(b.label !== undefined) ||
          b.count - a.count ||
          a.operation.localeCompare(b.operation) ||
          a.where.localeCompare(b.where),
      )
      return { ...totals, rows: sorted.map((row) => ({ ...row })) }
    },
  }
}

/**
 * The summary as the table `serve --shadow` prints to stderr on exit.
 * @example
 * process.stderr.write(formatSummary(summary.summary()))
 */
export function formatSummary(summary: ShadowSummary): string {
  const head = `shadow summary: ${summary.requests} requests, ${summary.agreeing} agreeing, ${summary.differing} with unlabelled differences, ${summary.refused} refused, ${summary.unreachable} unreachable\n`
  const plain = summary.rows.filter((row) => row.label === undefined)
  const labelled = summary.rows.filter((row) => row.label !== undefined)
  return [
    head,
    section('Differences', plain, false),
    section('Labelled (expected) differences', labelled, true),
  ].join('')
}

function section(title: string, rows: readonly ShadowSummaryRow[], labelled: boolean): string {
  if (rows.length === 0) return `\n${title}: none\n`
  const header = ['operation', 'kind', 'where', 'count', labelled ? 'label' : 'live → mock']
  const body = rows.map((row) => [
    row.operation,
    row.kind,
    row.where || '-',
    String(row.count),
    labelled ? `${row.label}: ${row.reason}` : `${row.live} → ${row.mock}`,
  ])
  const widths = header.map((_, i) =>
    Math.max(header[i]!.length, ...body.map((r) => Math.min(r[i]!.length, i === 4 ? 90 : 48))),
  )
  const line = (cells: string[]) =>
    cells
      .map((cell, i) =>
        i === cells.length - 1 ? cell : cell.slice(0, widths[i]).padEnd(widths[i]!),
      )
      .join('  ')
      .trimEnd()
  return `\n${title}:\n${[line(header), ...body.map(line)].join('\n')}\n`
}
