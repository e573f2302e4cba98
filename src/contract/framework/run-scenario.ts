import { ContractError } from '../errors.ts'
import type { CheckLog, CheckResult, Outcome } from './check-log.ts'
import { type ScenarioContext, ScenarioStop } from './scenario.ts'

/**
 * How one scenario (or probe) ended.
 * @example
 * const line = formatScenarioLine(outcome) // 'ok   tags (43 checks, 60 ms)'
 */
export interface ScenarioOutcome {
  name: string
  outcome: Outcome
  checks: number
  failures: CheckResult[]
  durationMs: number
}

/**
 * The rule a refused write is recorded under.
 * @example
 * report.checks.filter((check) => check.rule === OWN_WRITES_RULE)
 */
export const OWN_WRITES_RULE = 'writes only to services the run created'

/**
 * Runs one scenario body, turning a stop, a refused write or a bug into a failed check so the
 * run goes on with the next scenario.
 * @example
 * const outcome = await runScenario('tags', log, t, (t) => tags.run(t))
 */
export async function runScenario(
  name: string,
  log: CheckLog,
  t: ScenarioContext,
  body: (t: ScenarioContext) => Promise<void>,
): Promise<ScenarioOutcome> {
  const started = performance.now()
  const first = log.results.length
  log.scenario = name
  try {
    await body(t)
  } catch (error) {
    log.add(failureOf(error))
  }
  const checks = log.results.slice(first)
  const failures = checks.filter((check) => check.outcome === 'failed')
  const outcome: Outcome =
    failures.length > 0
      ? 'failed'
      : checks.every((check) => check.outcome === 'skipped')
        ? 'skipped'
        : 'passed'
  return {
    name,
    outcome,
    checks: checks.length,
    failures,
    durationMs: Math.round(performance.now() - started),
  }
}

function failureOf(error: unknown): Omit<CheckResult, 'scenario'> {
  const message = error instanceof Error ? error.message : String(error)
  if (error instanceof ScenarioStop) {
    return { operationId: 'suite', rule: 'scenario completes', outcome: 'failed', message }
  }
  if (error instanceof ContractError && error.code === 'ERR_FOREIGN_WRITE') {
    return { operationId: 'suite', rule: OWN_WRITES_RULE, outcome: 'failed', message }
  }
  const stack =
    error instanceof Error && error.stack ? ` ${error.stack.split('\n')[1]?.trim()}` : ''
  return {
    operationId: 'suite',
    rule: 'scenario completes',
    outcome: 'failed',
    message: `threw ${message}${stack}`,
  }
}
