/**
 * Result of one check.
 * @example
 * const outcome: Outcome = 'skipped'
 */
export type Outcome = 'passed' | 'failed' | 'skipped'

/**
 * One rule checked on one operation within one scenario.
 * @example
 * const check: CheckResult = { scenario: 'tags', operationId: 'setTags', rule: 'tags POST replaces', outcome: 'passed' }
 */
export interface CheckResult {
  scenario: string
  /** The spec operationId the rule is about (or `suite` for run-level rules). */
  operationId: string
  /** The rule, short: `spec status`, `errorCode is a string and status = code/1000`, `tags POST replaces`. */
  rule: string
  outcome: Outcome
  /** Why it failed or was skipped. */
  message?: string
}

/**
 * Collects the checks of a run; the runner moves `scenario` along.
 * @example
 * const log: CheckLog = createCheckLog()
 * log.scenario = 'tags'
 */
export interface CheckLog {
  readonly results: readonly CheckResult[]
  /** The scenario the next checks belong to. */
  scenario: string
  add(check: Omit<CheckResult, 'scenario'>): CheckResult
}

/**
 * Creates an empty check log.
 * @example
 * const log = createCheckLog()
 * log.add({ operationId: 'getVersion', rule: 'spec', outcome: 'passed' })
 */
export function createCheckLog(): CheckLog {
  const results: CheckResult[] = []
  return {
    results,
    scenario: 'suite',
    add(check) {
      const result: CheckResult = { scenario: this.scenario, ...check }
      results.push(result)
      return result
    },
  }
}

/**
 * The one-line form of a failed check: operation, rule, then what went wrong.
 * @example
 * describeCheck({ scenario: 'tags', operationId: 'setTags', rule: 'tags POST replaces', outcome: 'failed', message: 'kept a' })
 * // 'setTags: tags POST replaces: kept a'
 */
export function describeCheck(check: CheckResult): string {
  return `${check.operationId}: ${check.rule}${check.message ? `: ${check.message}` : ''}`
}
