import { compareExchanges } from './compare-exchanges.ts'
import { createIdMap, type IdMap, type Side } from './id-map.ts'
import { sendRaw } from './send-raw.ts'
import type { CompareStep, Difference, Exchange, StepResult } from './types.ts'

/** Where and how `runComparison` sends its sequence. */
export interface ComparisonOptions {
  left: string
  right: string
  steps: readonly CompareStep[]
  /** How long a read step may be re-sent until both sides agree; default 0 (no retry). */
  settleMs?: number
  /** Called after each step, e.g. to print progress. */
  onStep?: (result: StepResult) => void
}

/**
 * Sends every step to the left and then the right endpoint, captures the ids each side
 * created, and compares the two answers of each step.
 * @example
 * const results = await runComparison({ left: 'http://127.0.0.1:30100', right: mock.url, steps: createSequence('run1') })
 * results.filter((r) => r.differences.length > 0)
 */
export async function runComparison(options: ComparisonOptions): Promise<StepResult[]> {
  const ids = createIdMap()
  // Each registry names its own address (health, SERVICECENTER's endpoints): the same thing.
  ids.learn('registry-address', new URL(options.left).host, new URL(options.right).host)
  const results: StepResult[] = []
  const settleMs = options.settleMs ?? 0
  for (const step of options.steps) {
    let left = await send(options.left, step, ids, 'left')
    let right = await send(options.right, step, ids, 'right')
    learn(step, left, right, ids)
    let differences = compareExchanges(left, right, ids)
    const settles = step.settle ?? (step.method === 'GET' && !step.upgrade)
    const deadline = Date.now() + settleMs
    // Header names do not change while a cache catches up: only status and body are waited for.
    while (settles && differences.some(isContent) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250))
      left = await send(options.left, step, ids, 'left')
      right = await send(options.right, step, ids, 'right')
      differences = compareExchanges(left, right, ids)
    }
    const result = { step, left, right, differences }
    results.push(result)
    options.onStep?.(result)
  }
  return results
}

function isContent(difference: Difference) {
  return !difference.kind.startsWith('header')
}

function substitute(text: string, vars: Record<string, string>) {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole)
}

function send(baseUrl: string, step: CompareStep, ids: IdMap, side: Side) {
  const vars = ids.vars(side)
  const body =
    step.body === undefined
      ? undefined
      : substitute(typeof step.body === 'string' ? step.body : JSON.stringify(step.body), vars)
  const headers = Object.fromEntries(
    Object.entries(step.headers ?? {}).map(([name, value]) => [name, substitute(value, vars)]),
  )
  return sendRaw(baseUrl, {
    method: step.method,
    path: substitute(step.path, vars),
    headers,
    ...(body === undefined ? {} : { body }),
    ...(step.upgrade ? { upgrade: true } : {}),
  })
}

/** Reads `a.b` from a JSON body, or `header:Name` (any case) from the headers. */
function read(exchange: Exchange, path: string): string | undefined {
  if (path.startsWith('header:')) {
    const name = path.slice('header:'.length).toLowerCase()
    return exchange.headers.find(([key]) => key.toLowerCase() === name)?.[1]
  }
  let value: unknown
  try {
    value = JSON.parse(exchange.body)
  } catch {
    return undefined
  }
  for (const key of path.split('.')) {
    value =
      value !== null && typeof value === 'object'
        ? (value as Record<string, unknown>)[key]
        : undefined
  }
  return typeof value === 'string' ? value : undefined
}

function learn(step: CompareStep, left: Exchange, right: Exchange, ids: IdMap) {
  for (const [name, path] of Object.entries(step.capture ?? {})) {
    const a = read(left, path)
    const b = read(right, path)
    if (a || b) ids.learn(name, a ?? `missing-${name}-left`, b ?? `missing-${name}-right`)
  }
}
