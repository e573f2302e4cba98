import type { ProfileReport } from '../framework/profile.ts'

/**
 * The profile report for the terminal: the verdict, then one line per difference.
 * @example
 * console.log(formatProfileReport(report.profile))
 */
export function formatProfileReport(profile: ProfileReport): string {
  const width = Math.max(...profile.findings.map((f) => f.key.length))
  const lines = profile.findings.map(
    (f) => `  ${f.key.padEnd(width)}  ${f.observed.padEnd(11)}  ${f.evidence}`,
  )
  return [`Profile: ${profile.summary}`, ...lines].join('\n')
}
