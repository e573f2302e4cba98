import type { SuiteReport } from '../framework/run-suite.ts'
import type { CleanupReport } from '../safety/cleanup.ts'
import { formatProfileReport } from './profile-text.ts'
import { formatSummaryTable } from './summary.ts'

/**
 * The end-of-run text: the table by operation, the profile report, the teardown and the
 * verdict, as lines.
 * @example
 * for (const line of formatRunReport(report)) console.log(line)
 */
export function formatRunReport(report: SuiteReport): string[] {
  const failed = report.checks.filter((c) => c.outcome === 'failed').length
  const skipped = report.checks.filter((c) => c.outcome === 'skipped').length
  const passed = report.checks.length - failed - skipped
  return [
    '',
    formatSummaryTable(report.operations),
    '',
    formatProfileReport(report.profile),
    '',
    ...formatCleanup(report.cleanup, report.appId),
    '',
    `${report.passed ? 'PASSED' : 'FAILED'}: ${passed} passed, ${failed} failed, ${skipped} skipped checks in ${report.scenarios.length} scenarios (${report.durationMs} ms)`,
  ]
}

/**
 * What teardown did, with the ids to delete by hand if it could not.
 * @example
 * formatCleanup({ deleted: ['a'], failed: [] }, 'cse-mock-contract-1a2b')
 */
export function formatCleanup(cleanup: CleanupReport, appId: string): string[] {
  const head = `Teardown: deleted ${cleanup.deleted.length} service(s) of application ${appId}`
  if (cleanup.failed.length === 0) return [head]
  return [
    `${head}; could NOT delete ${cleanup.failed.length}, remove them by hand:`,
    ...cleanup.failed.map((f) => `  ${f.serviceId}  ${f.message}`),
  ]
}
