import type { RequestLogFilter } from '../faults/types.ts'
import type { Profile } from '../registry/profile.ts'
import type { SeedOptions } from '../seed/options.ts'
import {
  controlQueryParameters,
  validateControlBody,
  validateControlQuery,
  validateControlSchema,
} from '../spec/control-validators.ts'
import type { ValidationIssue } from '../spec/validators.ts'
import { kindOf } from './body.ts'
import { describeIssues } from './describe-issues.ts'
import { ControlError } from './respond.ts'

/**
 * Reads `POST /__cse-mock/seed`: seed options, a bare seed number, or nothing for the defaults,
 * checked against the operation's body schema in spec/cse-mock-control.yaml (the bounds of
 * every count included); the seeder checks the totals.
 * @example
 * seedInput({ seed: 7, apps: 1 })
 */
export function seedInput(body: unknown): number | Partial<SeedOptions> {
  if (body === undefined) return {}
  if (!isObject(body) && typeof body !== 'number') {
    throw invalidBody(
      `Expected the seed options to be a JSON object or a seed number, got ${kindOf(body)}.`,
    )
  }
  if (typeof body === 'number') check('seed', body, 'INVALID_SEED_OPTIONS', 'the seed')
  else
    report(validateControlSchema('SeedOptions', body), 'INVALID_SEED_OPTIONS', 'the seed options')
  return body as number | Partial<SeedOptions>
}

/**
 * Reads `PUT /__cse-mock/profile`: `{ "profile": "cse" | "servicecomb" }`.
 * @example
 * profileInput({ profile: 'servicecomb' }) // 'servicecomb'
 */
export function profileInput(body: unknown): Profile {
  if (!isObject(body)) {
    throw invalidBody(`Expected the profile body to be a JSON object, got ${kindOf(body)}.`)
  }
  check('putProfile', body, 'INVALID_PROFILE', 'the profile body')
  return body.profile as Profile
}

/**
 * Reads `POST /__cse-mock/clock/advance`: `{ "ms": 30000 }`.
 * @example
 * advanceInput({ ms: 30_000 }) // 30000
 */
export function advanceInput(body: unknown): number {
  if (!isObject(body)) {
    throw invalidBody(`Expected the advance body to be a JSON object, got ${kindOf(body)}.`)
  }
  check('advanceClock', body, 'INVALID_BODY', 'the advance body')
  return body.ms as number
}

/**
 * Reads the filters of `GET /__cse-mock/requests` from its query string, each checked against
 * its parameter in spec/cse-mock-control.yaml.
 * @example
 * requestFilterInput(new URLSearchParams('status=503')) // { status: 503 }
 */
export function requestFilterInput(query: URLSearchParams): RequestLogFilter {
  const known = Object.keys(controlQueryParameters('listRequests'))
  const filter: Record<string, unknown> = {}
  for (const [key, raw] of query) {
    if (!known.includes(key)) {
      throw new ControlError(
        400,
        'INVALID_QUERY',
        `Unknown query parameter "${key}"; the request log filters by ${known.join(', ')}.`,
      )
    }
    const { value, issues } = validateControlQuery('listRequests', key, raw)
    if (issues.length > 0) {
      throw new ControlError(
        400,
        'INVALID_QUERY',
        `The query is invalid: ${describeIssues(issues)}.`,
      )
    }
    filter[key] = value
  }
  return filter as RequestLogFilter
}

/**
 * Checks a control body against the request body schema of `operationId`, answering `code`.
 * @example
 * check('addFault', body, 'INVALID_FAULT_RULE', 'the rule')
 */
export function check(operationId: string, body: unknown, code: string, what: string): void {
  report(validateControlBody(operationId, body), code, what)
}

function report(issues: ValidationIssue[], code: string, what: string): void {
  if (issues.length === 0) return
  throw new ControlError(400, code, `Invalid input: ${describeIssues(issues, what)}.`)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function invalidBody(message: string): ControlError {
  return new ControlError(400, 'INVALID_BODY', message)
}
