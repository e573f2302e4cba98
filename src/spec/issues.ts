import type { SchemaError } from './compile.ts'

/** Where a validation problem was found. */
export type IssueLocation = 'path' | 'query' | 'header' | 'body' | 'status'

/**
 * One problem found by the spec validators. `name` is the parameter or header name, the
 * dotted path of a body field (`instance.hostName`, `services[0].service.appId`, `body` for the
 * body itself), or the status code.
 */
export interface ValidationIssue {
  location: IssueLocation
  name: string
  message: string
  value?: unknown
}

/**
 * Turns ajv errors into issues. `base` names the validated value (a parameter name, or `''`
 * for a body, whose root is then called `body`).
 * @example
 * toIssues('query', 'appId', '', validate.errors ?? [])
 */
export function toIssues(
  location: IssueLocation,
  base: string,
  data: unknown,
  errors: readonly SchemaError[],
): ValidationIssue[] {
  const issues: ValidationIssue[] = []
  const seen = new Set<string>()
  for (const error of errors) {
    // ajv reports a failing property name twice: once with `propertyName`, once as a summary.
    if (error.keyword === 'propertyNames') continue
    const segments = pointerSegments(error.instancePath)
    let value: unknown = valueAt(data, segments)
    let message = describe(error)
    if (error.keyword === 'required') {
      segments.push(String(error.params.missingProperty))
      value = undefined
    } else if (error.propertyName !== undefined) {
      segments.push(error.propertyName)
      value = error.propertyName
      message = `has a name that ${message}`
    }
    const issue: ValidationIssue = { location, name: joinName(location, base, segments), message }
    if (value !== undefined) issue.value = value
    const key = `${issue.name}\u0000${issue.message}`
    if (seen.has(key)) continue
    seen.add(key)
    issues.push(issue)
  }
  return issues
}

/** Reads the registry-style message for one ajv error. */
function describe(error: SchemaError): string {
  const { params } = error
  const plural = (count: unknown, one: string, many = `${one}s`) =>
    `${String(count)} ${count === 1 ? one : many}`
  switch (error.keyword) {
    case 'required':
      return 'is required'
    case 'pattern':
      return `does not match pattern ${String(params.pattern)}`
    case 'maxLength':
      return `must be at most ${plural(params.limit, 'character')}`
    case 'minLength':
      return `must be at least ${plural(params.limit, 'character')}`
    case 'maxItems':
      return `must have at most ${plural(params.limit, 'item')}`
    case 'minItems':
      return `must have at least ${plural(params.limit, 'item')}`
    case 'maxProperties':
      return `must have at most ${plural(params.limit, 'entry', 'entries')}`
    case 'minProperties':
      return `must have at least ${plural(params.limit, 'entry', 'entries')}`
    case 'type':
      return `must be of type ${String(params.type)}`
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map(String).join(', ')}`
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`
    case 'minimum':
      return `must be at least ${String(params.limit)}`
    case 'maximum':
      return `must be at most ${String(params.limit)}`
    case 'additionalProperties':
      return `has the unknown field ${JSON.stringify(params.additionalProperty)}`
    default:
      return error.message ?? 'is invalid'
  }
}

function pointerSegments(pointer: string): string[] {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
}

function valueAt(data: unknown, segments: readonly string[]): unknown {
  let current = data
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string, unknown>)[segment]
  }
  return current
}

/** `instance.hostName`, `services[0].service.appId`, `properties["a b"]`. */
function joinName(location: IssueLocation, base: string, segments: readonly string[]): string {
  let name = base
  for (const segment of segments) {
    if (/^\d+$/.test(segment)) name += `[${segment}]`
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) name += name === '' ? segment : `.${segment}`
    else name += `[${JSON.stringify(segment)}]`
  }
  if (name === '' && location === 'body') return 'body'
  return name
}
