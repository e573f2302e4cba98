import type { ValidationIssue } from '../spec/validators.ts'

/** Keywords that only summarise the branch errors ajv reports next to them. */
const SUMMARIES = /^must match (?:a|exactly one) schema in (?:anyOf|oneOf)$/

/**
 * One sentence for the first problem ajv found in a control input: the field, the value it has
 * and every rule of the spec it breaks there (`action.status is 200: must be 429 or must be at
 * least 500`). Objects and arrays are named, never printed.
 * @example
 * describeIssues([{ location: 'body', name: 'ms', message: 'must be at least 0', value: -1 }]) // 'ms is -1: must be at least 0'
 */
export function describeIssues(issues: readonly ValidationIssue[], root = 'the body'): string {
  const meaningful = issues.filter((issue) => !SUMMARIES.test(issue.message))
  const first = meaningful[0] ?? issues[0]
  if (!first) return 'the input is invalid'
  const rules = [
    ...new Set(
      meaningful.filter((issue) => issue.name === first.name).map((issue) => issue.message),
    ),
  ]
  const name = first.name === '' || first.name === 'body' ? root : first.name
  const rule = (rules.length > 0 ? rules : [first.message]).join(' or ')
  const composite = typeof first.value === 'object' && first.value !== null
  if (first.value === undefined || (composite && /^has /.test(rule))) return `${name} ${rule}`
  return `${name} is ${show(first.value)}: ${rule}`
}

/**
 * A value as an error message shows it.
 * @example
 * show([1]) // 'an array'
 */
export function show(value: unknown): string {
  if (value === undefined) return 'missing'
  if (Array.isArray(value)) return 'an array'
  if (value === null) return 'null'
  if (typeof value === 'object') return 'an object'
  const text = JSON.stringify(value)
  return text.length > 80 ? `${text.slice(0, 77)}…` : text
}
