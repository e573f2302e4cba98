import { describeIssues, show } from '../control/describe-issues.ts'
import { OPERATIONS } from '../http/operations.ts'
import { compileSchema, controlApiDocument } from '../spec/compile.ts'
import { validateControlSchema } from '../spec/control-validators.ts'
import { toIssues } from '../spec/issues.ts'
import type { JsonSchema } from '../spec/openapi.ts'
import { InvalidFaultRuleError } from './errors.ts'
import type { FaultAction, FaultMatch, FaultRule } from './types.ts'

const OPERATION_IDS = new Set(OPERATIONS.map((operation) => operation.operationId))

/**
 * The variants of `FaultAction` in spec/cse-mock-control.yaml by their `type`, so a rule is
 * checked against the variant it names and its message speaks of that variant only.
 */
const ACTION_VARIANTS = (() => {
  const variants = new Map<string, JsonSchema[]>()
  const oneOf = controlApiDocument.components.schemas.FaultAction?.oneOf as JsonSchema[]
  for (const variant of oneOf) {
    const type = (variant.properties as Record<string, { const: string }>).type?.const ?? ''
    variants.set(type, [...(variants.get(type) ?? []), variant])
  }
  return variants
})()

/**
 * Checks a fault rule from any source (code, JSON) against the `FaultRule` schema of
 * spec/cse-mock-control.yaml, then what a schema cannot say (the operationId exists, min ≤
 * max), and returns a clean copy of it.
 * @example
 * const rule = validateFaultRule({ action: { type: 'error', errorCode: 500011 } }) // errorCode '500011'
 */
export function validateFaultRule(input: unknown): FaultRule {
  const issues = validateControlSchema('FaultRule', input)
  // The action is judged against the variant its type names, below.
  const outside = issues.filter((issue) => !/^action(?:[.[]|$)/.test(issue.name))
  if (outside.length > 0) fail(describeIssues(outside, 'the rule'))
  const raw = input as Record<string, unknown>
  const rule: FaultRule = { action: validateAction(raw.action) }
  if (raw.id !== undefined) rule.id = raw.id as string
  if (raw.match !== undefined) rule.match = cleanMatch(raw.match as FaultMatch)
  for (const key of ['times', 'probability', 'seed'] as const) {
    if (raw[key] !== undefined) rule[key] = raw[key] as number
  }
  return rule
}

function validateAction(input: unknown): FaultAction {
  const type = (input as { type?: unknown } | null)?.type
  const variants = typeof type === 'string' ? ACTION_VARIANTS.get(type) : undefined
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    fail(`action is ${show(input)}: must be of type object`)
  }
  if (!variants) {
    fail(`action.type is ${show(type)}: must be one of ${[...ACTION_VARIANTS.keys()].join(', ')}`)
  }
  let best: string | undefined
  let fewest = Number.POSITIVE_INFINITY
  for (const [index, variant] of variants.entries()) {
    const validate = compileSchema(`fault-action:${type}:${index}`, variant, 'control')
    if (validate(input)) return cleanAction(input as Record<string, unknown>)
    const issues = toIssues('body', 'action', input, validate.errors ?? [])
    if (issues.length < fewest) {
      fewest = issues.length
      best = describeIssues(issues)
    }
  }
  fail(best ?? 'action is invalid')
}

function cleanAction(raw: Record<string, unknown>): FaultAction {
  const action = { ...raw } as FaultAction & Record<string, unknown>
  if (action.type === 'error') action.errorCode = String(raw.errorCode)
  if (action.type === 'latency' && action.min !== undefined && action.min > action.max!) {
    fail(`action.min (${action.min}) is greater than action.max (${action.max})`)
  }
  return action
}

function cleanMatch(raw: FaultMatch): FaultMatch {
  const match: FaultMatch = { ...raw }
  if (raw.operationId !== undefined) {
    const ids = Array.isArray(raw.operationId) ? raw.operationId : [raw.operationId]
    for (const id of ids) {
      if (!OPERATION_IDS.has(id)) {
        fail(`match.operationId ${show(id)} is not an operation of the registry spec`)
      }
    }
    match.operationId = Array.isArray(raw.operationId) ? [...raw.operationId] : raw.operationId
  }
  return match
}

function fail(reason: string): never {
  throw new InvalidFaultRuleError(reason)
}
