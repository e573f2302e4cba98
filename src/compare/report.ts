import type { Difference, StepResult } from './types.ts'

/** Counts of a comparison: steps sent, steps that differ, differences by kind. */
export interface ComparisonSummary {
  steps: number
  differingSteps: number
  byKind: Record<Difference['kind'], number>
}

/**
 * Adds up a comparison's results.
 * @example
 * summarise(results).byKind.status // number of steps whose status codes differ
 */
export function summarise(results: readonly StepResult[]): ComparisonSummary {
  const byKind: ComparisonSummary['byKind'] = {
    status: 0,
    header: 0,
    'header-case': 0,
    'header-value': 0,
    'body-shape': 0,
    'body-value': 0,
    message: 0,
  }
  for (const result of results)
    for (const difference of result.differences) byKind[difference.kind]++
  const differingSteps = results.filter((result) => result.differences.length > 0).length
  return { steps: results.length, differingSteps, byKind }
}

function cell(text: string) {
  return text.replace(/\|/g, '\\|').replace(/\n/g, '\\n')
}

/**
 * A Markdown report: the summary and one table row per difference.
 * @example
 * await writeFile('compare.md', toMarkdown(results, { left: 'SC 2.2.0', right: 'cse-mock' }))
 */
export function toMarkdown(
  results: readonly StepResult[],
  names: { left: string; right: string },
): string {
  const total = summarise(results)
  const kinds = Object.entries(total.byKind)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${kind} ${count}`)
  const lines = [
    `# ${names.left} (left) vs ${names.right} (right)`,
    '',
    `${total.steps} requests, ${total.differingSteps} differ${kinds.length ? `: ${kinds.join(', ')}` : ''}.`,
    '',
    '| # | step | request | kind | where | left | right |',
    '|---|---|---|---|---|---|---|',
  ]
  results.forEach((result, index) => {
    for (const d of result.differences) {
      const request = `${result.step.method} ${result.step.path}`
      lines.push(
        `| ${index + 1} | ${cell(result.step.name)} | \`${cell(request)}\` | ${d.kind} | ${cell(d.where)} | ${cell(d.left)} | ${cell(d.right)} |`,
      )
    }
  })
  return `${lines.join('\n')}\n`
}

/**
 * One line per step for a terminal: `ok` or `DIFF` with the kinds that differ.
 * @example
 * for (const result of results) console.log(formatStepLine(result, 1))
 */
export function formatStepLine(result: StepResult, index: number): string {
  const number = String(index).padStart(3)
  if (result.differences.length === 0) return `${number} ok   ${result.step.name}`
  const parts = result.differences.map((d) =>
    d.where ? `${d.kind} ${d.where}` : `${d.kind} ${d.left}→${d.right}`,
  )
  return `${number} DIFF ${result.step.name}: ${parts.join('; ')}`
}
