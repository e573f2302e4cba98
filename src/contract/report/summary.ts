import type { CheckResult } from '../framework/check-log.ts'
import { SPEC_OPERATIONS } from '../spec-operations.ts'

/**
 * The results of one operation over the whole run.
 * @example
 * const row: OperationSummary = { operationId: 'setTags', passed: 15, failed: 1, skipped: 0, firstFailure: 'tags POST replaces: … [tags]' }
 */
export interface OperationSummary {
  operationId: string
  passed: number
  failed: number
  skipped: number
  /** The first failed check, as `rule: message`. */
  firstFailure?: string
}

/**
 * Counts checks by operation: every spec operation gets a row (an operation never exercised
 * has all zeros), then any other subject (`suite`) in order of appearance.
 * @example
 * summarizeOperations(report.checks).filter((row) => row.failed > 0)
 */
export function summarizeOperations(checks: readonly CheckResult[]): OperationSummary[] {
  const rows = new Map<string, OperationSummary>()
  const row = (operationId: string) => {
    let found = rows.get(operationId)
    if (!found) {
      found = { operationId, passed: 0, failed: 0, skipped: 0 }
      rows.set(operationId, found)
    }
    return found
  }
  for (const operation of SPEC_OPERATIONS) row(operation.operationId)
  for (const check of checks) {
    const target = row(check.operationId)
    target[check.outcome] += 1
    if (check.outcome === 'failed' && target.firstFailure === undefined) {
      target.firstFailure = `${check.rule}${check.message ? `: ${check.message}` : ''} [${check.scenario}]`
    }
  }
  return [...rows.values()]
}

/**
 * Renders the summary as a fixed-width table for the terminal.
 * @example
 * console.log(formatSummaryTable(summarizeOperations(report.checks)))
 */
export function formatSummaryTable(rows: readonly OperationSummary[], width = 120): string {
  const nameWidth = Math.max(9, ...rows.map((r) => r.operationId.length))
  const head = `${'operation'.padEnd(nameWidth)}  passed  failed  skipped  first failure`
  const lines = rows.map((r) => {
    const counts = `${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${String(r.skipped).padStart(7)}`
    const note = r.firstFailure ?? (r.passed + r.failed + r.skipped === 0 ? '(not exercised)' : '')
    const line = `${r.operationId.padEnd(nameWidth)}  ${counts}  ${note}`
    return line.length > width ? `${line.slice(0, width - 1)}…` : line
  })
  return [head, '-'.repeat(Math.min(width, head.length + 20)), ...lines].join('\n')
}
