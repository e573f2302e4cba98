import type { Middleware } from 'openapi-fetch'
import { createSpecValidator } from '../../spec/validators.ts'
import { operationIdOf } from '../spec-operations.ts'
import type { CheckLog } from './check-log.ts'
import { tagResponse } from './response-operations.ts'

/**
 * The rule a response passes when the spec validators find nothing.
 * @example
 * report.checks.filter((check) => check.rule === SPEC_MATCH_RULE).length
 */
export const SPEC_MATCH_RULE = 'matches the spec'

/**
 * The rule a spec validation issue breaks, by where it was found.
 * @example
 * SPEC_RULES.header // 'declared headers present and valid'
 */
export const SPEC_RULES = {
  status: 'status declared for the operation',
  header: 'declared headers present and valid',
  body: 'body valid against the spec',
} as const

/**
 * The rule every error answer must follow (reference §1.5).
 * @example
 * report.checks.filter((check) => check.rule === ERROR_ENVELOPE_RULE && check.outcome === 'failed')
 */
export const ERROR_ENVELOPE_RULE = 'errorCode is a string and status = code/1000'

/**
 * Creates the middleware that checks every response against the spec: the status is declared
 * for the operation, declared headers are present and the body is valid; error answers must
 * also carry a string `errorCode` whose thousands give the HTTP status.
 * @example
 * client.use(createSpecCheck(log))
 */
export function createSpecCheck(log: CheckLog): Middleware {
  const validator = createSpecValidator()
  return {
    async onResponse({ request, response, schemaPath }) {
      const known = operationIdOf(request.method, schemaPath)
      const operationId = known ?? `${request.method} ${schemaPath}`
      tagResponse(response, operationId)
      if (!known) {
        log.add({
          operationId,
          rule: 'spec',
          outcome: 'failed',
          message: 'not an operation of the spec',
        })
        return undefined
      }
      const text = await response.clone().text()
      const parsed = parseBody(text, response.headers.get('content-type'))
      if (parsed.error !== undefined) {
        log.add({ operationId, rule: SPEC_RULES.body, outcome: 'failed', message: parsed.error })
        return undefined
      }
      const issues = validator.response(operationId, {
        status: response.status,
        headers: response.headers,
        body: parsed.body,
      })
      if (issues.length === 0) log.add({ operationId, rule: SPEC_MATCH_RULE, outcome: 'passed' })
      for (const issue of issues) {
        const value = issue.value === undefined ? '' : ` (got ${JSON.stringify(issue.value)})`
        log.add({
          operationId,
          rule:
            issue.location in SPEC_RULES
              ? SPEC_RULES[issue.location as keyof typeof SPEC_RULES]
              : `spec ${issue.location}`,
          outcome: 'failed',
          message:
            issue.location === 'status'
              ? `HTTP ${response.status} ${issue.message}`
              : `HTTP ${response.status}: ${issue.name} ${issue.message}${value}`,
        })
      }
      if (response.status >= 400) checkEnvelope(log, operationId, response.status, parsed.body)
      return undefined
    },
    onError({ request, schemaPath, error }) {
      const operationId =
        operationIdOf(request.method, schemaPath) ?? `${request.method} ${schemaPath}`
      log.add({
        operationId,
        rule: 'request completes',
        outcome: 'failed',
        message: error instanceof Error ? error.message : String(error),
      })
      return undefined
    },
  }
}

function parseBody(text: string, contentType: string | null): { body?: unknown; error?: string } {
  if (text === '' || !contentType?.toLowerCase().includes('json')) return { body: text }
  try {
    return { body: JSON.parse(text) }
  } catch {
    return { error: `declared JSON but is not: ${JSON.stringify(text.slice(0, 80))}` }
  }
}

function checkEnvelope(log: CheckLog, operationId: string, status: number, body: unknown) {
  const code = (body as { errorCode?: unknown } | undefined)?.errorCode
  if (code === undefined) return
  const problem =
    typeof code !== 'string'
      ? `errorCode is ${typeof code} ${JSON.stringify(code)}, not a string`
      : Math.floor(Number(code) / 1000) !== status
        ? `errorCode "${code}" came with HTTP ${status}`
        : undefined
  log.add({
    operationId,
    rule: ERROR_ENVELOPE_RULE,
    outcome: problem ? 'failed' : 'passed',
    ...(problem ? { message: problem } : {}),
  })
}
