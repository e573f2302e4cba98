/**
 * `cse-mock/contract`: the contract suite. One set of scenarios, checked against the spec,
 * runnable against the in-process mock, the standalone server or a live registry.
 */

export { ImportError } from '../import/errors.ts'
export { importRegistry, isServiceCenter } from '../import/import-registry.ts'
export type {
  ImportOptions,
  ImportProgress,
  ImportResult,
  ImportSummary,
} from '../import/options.ts'
export type { ImportPlanEntry } from '../import/plan.ts'
export { planImport, requestsFor } from '../import/plan.ts'
export type { RegistryReader } from '../import/read-only-client.ts'
export { createReadOnlyClient } from '../import/read-only-client.ts'
export { ALWAYS_KEPT_PROPERTIES, DEFAULT_REDACT_KEY, redactServices } from '../import/redact.ts'
export { ContractError } from './errors.ts'
export type { CheckLog, CheckResult, Outcome } from './framework/check-log.ts'
export { createCheckLog, describeCheck } from './framework/check-log.ts'
export type { PlanEntry } from './framework/plan.ts'
export { LOGIN_PLAN, planSuite, probeName, TEARDOWN_PLAN } from './framework/plan.ts'
export type {
  Observed,
  ProbeResult,
  ProfileFinding,
  ProfileProbe,
  ProfileReport,
} from './framework/profile.ts'
export { createProfileReport, defineProbe } from './framework/profile.ts'
export type { ScenarioOutcome } from './framework/run-scenario.ts'
export { OWN_WRITES_RULE } from './framework/run-scenario.ts'
export type {
  ContractRun,
  ContractRunOptions,
  RunEvent,
  RunTarget,
  SuiteReport,
} from './framework/run-suite.ts'
export { createContractRun } from './framework/run-suite.ts'
export type {
  CheckSubject,
  Scenario,
  ScenarioContext,
  SettleOptions,
} from './framework/scenario.ts'
export { defineScenario } from './framework/scenario.ts'
export type { OpenSocket, SocketOpening, SocketSession } from './framework/sockets.ts'
export { createSocketOpener } from './framework/sockets.ts'
export {
  createSpecCheck,
  ERROR_ENVELOPE_RULE,
  SPEC_MATCH_RULE,
  SPEC_RULES,
} from './framework/spec-check.ts'
export { JSON_REPORT_FORMAT, toJsonReport } from './report/json.ts'
export { toJUnitXml } from './report/junit.ts'
export { formatPlan } from './report/plan-text.ts'
export { formatProfileReport } from './report/profile-text.ts'
export { formatScenarioLine } from './report/progress.ts'
export type { OperationSummary } from './report/summary.ts'
export { formatSummaryTable, summarizeOperations } from './report/summary.ts'
export { formatCleanup, formatRunReport } from './report/terminal.ts'
export type { CleanupReport } from './safety/cleanup.ts'
export { cleanupRun } from './safety/cleanup.ts'
export type { RunLedger } from './safety/ledger.ts'
export { CONTRACT_APP_PREFIX, createRunLedger, RUN_MARKER_PROPERTY } from './safety/ledger.ts'
export type { InFlight } from './safety/ownership.ts'
export { createInFlight, createOwnershipTracker } from './safety/ownership.ts'
export type { InterruptOptions } from './safety/signals.ts'
export { installInterruptCleanup } from './safety/signals.ts'
export { createWriteGuard, foreignTarget } from './safety/write-guard.ts'
export { PROFILE_PROBES, SCENARIOS } from './scenarios/index.ts'
export type { SpecOperation } from './spec-operations.ts'
export { operationIdOf, SPEC_OPERATIONS } from './spec-operations.ts'
export {
  createEndpointTarget,
  LIVE_DEFAULT_RATE,
  LIVE_DEFAULT_TIMEOUT_MS,
  LIVE_SETTLE,
} from './targets/endpoint-target.ts'
export { MOCK_ORIGIN, setupMockTarget } from './targets/mock-target.ts'
export { startServerTarget } from './targets/server-target.ts'
export type { ContractTarget, TargetKind } from './targets/target.ts'
export { clientFromEnv, targetFromEnv } from './targets/target-from-env.ts'
