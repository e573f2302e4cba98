import { SPEC_OPERATIONS } from '../spec-operations.ts'
import type { ProfileProbe } from './profile.ts'
import type { Scenario } from './scenario.ts'

/** One line of the dry-run plan. */
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
 * The plan of a run: every scenario and probe with the operations it would call.
 * @example
 * for (const entry of planSuite(SCENARIOS, PROFILE_PROBES)) console.log(entry.name, entry.operations)
 */
export function planSuite(
  scenarios: readonly Scenario[],
  probes: readonly ProfileProbe[],
): PlanEntry[] {
  const entries = [
    ...scenarios.map((s) => ({ name: s.name, operations: s.operations })),
    ...probes.map((p) => ({ name: probeName(p), operations: p.operations })),
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
