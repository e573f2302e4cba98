import type { SuiteReport } from '../framework/run-suite.ts'

/**
 * Version of the JSON report's shape; bumped on incompatible changes.
 * @example
 * JSON.parse(text).format === JSON_REPORT_FORMAT
 */
export const JSON_REPORT_FORMAT = 'cse-mock/contract-report@1'

/**
 * Renders a run as the JSON report: the whole `SuiteReport` under a format tag.
 * @example
 * writeFileSync('contract.json', toJsonReport(report))
 */
export function toJsonReport(report: SuiteReport): string {
  return `${JSON.stringify({ format: JSON_REPORT_FORMAT, ...report }, null, 2)}\n`
}
