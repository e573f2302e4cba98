import type { PlanEntry } from '../framework/plan.ts'

/**
 * The dry-run plan as lines: each scenario with the operations it would call, writes marked
 * with `*`.
 * @example
 * formatPlan(planSuite(SCENARIOS, PROFILE_PROBES))
 * // ['tags → createService*, setTags*, getTags, updateTag*, deleteTags*', …]
 */
export function formatPlan(entries: readonly PlanEntry[]): string[] {
  const width = Math.max(...entries.map((e) => e.name.length))
  return entries.map((entry) => {
    const operations = entry.operations.map((op) => (entry.writes.includes(op) ? `${op}*` : op))
    return `  ${entry.name.padEnd(width)} → ${operations.join(', ')}`
  })
}
