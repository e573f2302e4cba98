import { createRegistryClient } from '../client/create-registry-client.ts'
import type { RegistryClientOptions } from '../client/options.ts'
import { type OperationSummary, summarizeOperations } from '../report/summary.ts'
import { type CleanupReport, cleanupRun } from '../safety/cleanup.ts'
import { createRunLedger, type RunLedger } from '../safety/ledger.ts'
import { createInFlight, createOwnershipTracker } from '../safety/ownership.ts'
import { createWriteGuard } from '../safety/write-guard.ts'
import { PROFILE_PROBES, SCENARIOS } from '../scenarios/index.ts'
import { leftovers } from '../scenarios/leftovers.ts'
import { type CheckResult, createCheckLog } from './check-log.ts'
import { createScenarioContext } from './context.ts'
import { probeName } from './plan.ts'
import {
  createProfileReport,
  type ProbeResult,
  type ProfileProbe,
  type ProfileReport,
} from './profile.ts'
import { show } from './results.ts'
import { runScenario, type ScenarioOutcome } from './run-scenario.ts'
import type { Scenario, ScenarioContext, SettleOptions } from './scenario.ts'
import { createSocketOpener } from './sockets.ts'
import { createSpecCheck } from './spec-check.ts'

/**
 * Where a run goes: a `ContractTarget`, or just client options for an ad-hoc registry.
 * @example
 * const target: RunTarget = { client: { baseUrl: 'http://127.0.0.1:30100' }, websockets: false }
 */
export interface RunTarget {
  client: RegistryClientOptions
  /** Allowance for registries whose reads lag behind writes; default one read. */
  settle?: SettleOptions
  /** Whether the websocket operations can be exercised; default true. */
  websockets?: boolean
}

/**
 * What a run needs: the target, and optionally which scenarios and probes.
 * @example
 * const options: ContractRunOptions = { target, scenarios: [tags], probes: [] }
 */
export interface ContractRunOptions {
  target: RunTarget
  scenarios?: readonly Scenario[]
  probes?: readonly ProfileProbe[]
  /** Fixes the run id (and so the application name); default random. */
  runId?: string
  /** Called as scenarios start and end, for progress output. */
  onEvent?: (event: RunEvent) => void
}

/**
 * Progress of a run.
 * @example
 * onEvent: (event: RunEvent) => event.type === 'scenario-end' && console.log(event.result.name)
 */
export type RunEvent =
  | { type: 'scenario-start'; name: string }
  | { type: 'scenario-end'; result: ScenarioOutcome }

/**
 * Everything a run found.
 * @example
 * const report: SuiteReport = await createContractRun({ target }).run()
 * process.exitCode = report.passed ? 0 : 1
 */
export interface SuiteReport {
  runId: string
  appId: string
  baseUrl: string
  startedAt: string
  durationMs: number
  /** True only when no check failed and teardown removed everything. */
  passed: boolean
  scenarios: ScenarioOutcome[]
  checks: CheckResult[]
  operations: OperationSummary[]
  profile: ProfileReport
  cleanup: CleanupReport
}

/**
 * A prepared run: its ledger, the run itself and the emergency cleanup.
 * @example
 * const run: ContractRun = createContractRun({ target })
 * process.once('SIGINT', () => run.cleanup())
 */
export interface ContractRun {
  readonly ledger: RunLedger
  run(): Promise<SuiteReport>
  /** Stops new writes, waits for requests under way, deletes what was created. */
  cleanup(): Promise<CleanupReport>
}

/**
 * Prepares a contract run against one registry. Scenarios run one after another, then the
 * profile probes; what each creates is deleted when it ends, and a last read checks that
 * nothing of the run's application is left.
 * @example
 * const run = createContractRun({ target: { client: { baseUrl: 'http://127.0.0.1:30100' } } })
 * const report = await run.run()
 * console.log(report.passed, report.profile.summary)
 */
export function createContractRun(options: ContractRunOptions): ContractRun {
  const ledger = createRunLedger(options.runId)
  const log = createCheckLog()
  const { target } = options
  const api = createRegistryClient(target.client)
  const sockets = target.websockets === false ? undefined : createSocketOpener(target.client, api)
  const inFlight = createInFlight()
  api.use(createWriteGuard(ledger), inFlight.middleware, createOwnershipTracker(ledger))
  api.use(createSpecCheck(log))
  const counters = { n: 0 }
  const { user, password } = target.client
  const login = user !== undefined && password !== undefined ? { user, password } : undefined
  const t = createScenarioContext({
    api,
    ledger,
    log,
    counters,
    ...(login ? { login } : {}),
    ...(target.settle ? { settle: target.settle } : {}),
    ...(sockets ? { openSocket: sockets.open } : {}),
  })
  const emit = options.onEvent ?? (() => {})

  const teardown = async () => {
    sockets?.closeAll()
    const report = await cleanupRun(api, ledger)
    for (const failure of report.failed) {
      log.add({
        operationId: 'suite',
        rule: 'teardown deletes what the run created',
        outcome: 'failed',
        message: `${failure.serviceId}: ${failure.message}`,
      })
    }
    return report
  }
  const step = async (name: string, body: () => Promise<void>) => {
    emit({ type: 'scenario-start', name })
    let cleanup: CleanupReport = { deleted: [], failed: [] }
    const outcome = await runScenario(name, log, t, async () => {
      try {
        await body()
      } finally {
        cleanup = await teardown()
      }
    })
    emit({ type: 'scenario-end', result: outcome })
    return { outcome, cleanup }
  }

  return {
    ledger,
    async cleanup() {
      ledger.close()
      await inFlight.idle(target.client.timeoutMs ?? 10_000)
      log.scenario = 'interrupted'
      return teardown()
    },
    async run() {
      const started = performance.now()
      const startedAt = new Date().toISOString()
      const scenarios: ScenarioOutcome[] = []
      const cleanup: CleanupReport = { deleted: [], failed: [] }
      const probeResults = new Map<string, ProbeResult>()
      const collect = (result: { outcome: ScenarioOutcome; cleanup: CleanupReport }) => {
        scenarios.push(result.outcome)
        cleanup.deleted.push(...result.cleanup.deleted)
        cleanup.failed.push(...result.cleanup.failed)
      }
      // Wrong credentials would fail every call; stop at one refused login instead.
      const loggedIn = login ? await step('login', () => checkLogin(t)) : undefined
      if (loggedIn) collect(loggedIn)
      if (loggedIn?.outcome.outcome !== 'failed') {
        for (const scenario of options.scenarios ?? SCENARIOS) {
          collect(await step(scenario.name, () => scenario.run(t)))
        }
        for (const probe of options.probes ?? PROFILE_PROBES) {
          collect(await step(probeName(probe), () => runProbe(t, probe, probeResults)))
        }
        collect(await step(leftovers.name, () => leftovers.run(t)))
      }
      const checks = [...log.results]
      return {
        runId: ledger.runId,
        appId: ledger.appId,
        baseUrl: api.baseUrl,
        startedAt,
        durationMs: Math.round(performance.now() - started),
        passed: checks.every((c) => c.outcome !== 'failed') && cleanup.failed.length === 0,
        scenarios,
        checks,
        operations: summarizeOperations(checks),
        profile: createProfileReport(probeResults),
        cleanup,
      }
    },
  }
}

async function checkLogin(t: ScenarioContext) {
  const authorization = await t.api.authorization()
  const refused = authorization
    ? undefined
    : await t.api.GET('/v4/{project}/registry/version', { params: { path: t.path({}) } })
  t.check(
    'createToken',
    'logs in with the given user and password',
    authorization !== undefined,
    `the registry refused the login: HTTP ${refused?.response.status} ${show(refused?.error)}`,
  )
}

async function runProbe(
  t: Parameters<ProfileProbe['run']>[0],
  probe: ProfileProbe,
  results: Map<string, ProbeResult>,
) {
  const result = await probe.run(t)
  results.set(probe.key, result)
  const subject = probe.operations.at(-1) ?? 'suite'
  if (result.observed === 'neither') {
    t.check(subject, 'behaves like cse or servicecomb', false, result.evidence)
  }
}
