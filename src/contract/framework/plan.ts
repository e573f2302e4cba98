import { leftovers } from '../scenarios/leftovers.ts'
import { SPEC_OPERATIONS } from '../spec-operations.ts'
import type { ProfileProbe } from './profile.ts'
import type { Scenario } from './scenario.ts'

/**
 * One line of the dry-run plan.
 * @example
 * const entry: PlanEntry = { name: 'tags', operations: ['setTags', 'getTags'], writes: ['setTags'] }
 */
export interface PlanEntry {
  name: string
  operations: readonly string[]
  /** The subset of `operations` that change the registry. */
  writes: string[]
}

const reads = new Set(
  SPEC_OPERATIONS.filter((op) => op.method === 'get').map((op) => op.operationId),
)
// Batch find is a POST that only reads.
reads.add('batchFindInstances')

/**
 * The plan line of the login that starts a run given a user and password.
 * @example
 * planSuite(SCENARIOS, PROFILE_PROBES)[0] === LOGIN_PLAN
 */
export const LOGIN_PLAN = {
  name: 'login (only with a user and password)',
  operations: ['createToken'],
} as const

/**
 * The plan line of the teardown that ends every scenario.
 * @example
 * planSuite(SCENARIOS, PROFILE_PROBES).includes(TEARDOWN_PLAN)
 */
export const TEARDOWN_PLAN = {
  name: 'teardown (after each scenario)',
  operations: ['deleteService', 'deleteAccount', 'deleteRole'],
} as const

/**
 * The plan of a run: every scenario and probe with the operations it would call, then the
 * teardown (a forced delete of each service the run created).
 * @example
 * for (const entry of planSuite(SCENARIOS, PROFILE_PROBES)) console.log(entry.name, entry.operations)
 */
export function planSuite(
  scenarios: readonly Scenario[],
  probes: readonly ProfileProbe[],
): PlanEntry[] {
  const entries = [
    LOGIN_PLAN,
    ...scenarios.map((s) => ({ name: s.name, operations: s.operations })),
    ...probes.map((p) => ({ name: probeName(p), operations: p.operations })),
    TEARDOWN_PLAN,
    { name: leftovers.name, operations: leftovers.operations },
  ]
  return entries.map((entry) => ({
    ...entry,
    writes: entry.operations.filter((op) => !reads.has(op)),
  }))
}

/**
 * The name a probe runs under in progress lines and reports.
 * @example
 * probeName({ key: 'defaultEnvironment', … }) // 'profile: defaultEnvironment'
 */
export function probeName(probe: Pick<ProfileProbe, 'key'>): string {
  return `profile: ${probe.key}`
}
