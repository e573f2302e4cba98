import { describeCheck } from '../framework/check-log.ts'
import type { ScenarioOutcome } from '../framework/run-scenario.ts'

const MARKS = { passed: 'ok  ', failed: 'FAIL', skipped: 'skip' } as const

/**
 * One terminal line for a finished scenario: mark, name, counts, and the first failure.
 * @example
 * formatScenarioLine({ name: 'tags', outcome: 'passed', checks: 31, failures: [], durationMs: 12 })
 * // 'ok   tags (31 checks, 12 ms)'
 */
export function formatScenarioLine(result: ScenarioOutcome): string {
  const head = `${MARKS[result.outcome]} ${result.name} (${result.checks} checks, ${result.durationMs} ms)`
  const first = result.failures[0]
  if (!first) return head
  const more = result.failures.length > 1 ? ` (+${result.failures.length - 1} more)` : ''
  return `${head}\n       ${describeCheck(first)}${more}`
}
