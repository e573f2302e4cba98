import { OPERATIONS } from '../http/operations.ts'
import { InvalidFaultRuleError } from './errors.ts'
import type { FaultAction, FaultMatch, FaultRule } from './types.ts'

const RULE_KEYS = ['id', 'match', 'action', 'times', 'probability', 'seed']
const MATCH_KEYS = ['operationId', 'method', 'path', 'serviceName']
const ACTION_KEYS: Record<FaultAction['type'], string[]> = {
  latency: ['ms', 'min', 'max'],
  error: ['errorCode', 'detail'],
  status: ['status', 'body'],
  network: [],
  'drop-heartbeats': [],
}
/** Ten minutes: longer waits are a mistake, and would outlive any test timeout. */
const MAX_LATENCY_MS = 600_000
const ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/
const OPERATION_IDS = new Set(OPERATIONS.map((operation) => operation.operationId))

/**
 * Checks a fault rule from any source (code, JSON) and returns a clean copy of it.
 * @example
 * const rule = validateFaultRule({ action: { type: 'error', errorCode: 500011 } }) // errorCode '500011'
 */
export function validateFaultRule(input: unknown): FaultRule {
  const raw = record(input, 'the rule')
  checkKeys(raw, RULE_KEYS, 'the rule')
  const rule: FaultRule = { action: validateAction(raw.action) }
  if (raw.id !== undefined) {
    if (typeof raw.id !== 'string' || !ID_PATTERN.test(raw.id)) {
      fail(`id ${show(raw.id)} must be 1–64 letters, digits, '.', '_' or '-'`)
    }
    rule.id = raw.id
  }
  if (raw.match !== undefined) rule.match = validateMatch(raw.match)
  if (raw.times !== undefined) rule.times = integer('times', raw.times, 1, Number.MAX_SAFE_INTEGER)
  if (raw.probability !== undefined) {
    if (typeof raw.probability !== 'number' || !(raw.probability >= 0 && raw.probability <= 1)) {
      fail(`probability is ${show(raw.probability)}, expected a number from 0 to 1`)
    }
    rule.probability = raw.probability
  }
  if (raw.seed !== undefined) rule.seed = integer('seed', raw.seed, 0, 0xffff_ffff)
  return rule
}

function validateMatch(input: unknown): FaultMatch {
  const raw = record(input, 'match')
  checkKeys(raw, MATCH_KEYS, 'match')
  const match: FaultMatch = {}
  if (raw.operationId !== undefined) {
    const ids = Array.isArray(raw.operationId) ? raw.operationId : [raw.operationId]
    if (ids.length === 0) fail('match.operationId is an empty list; leave it out to match any')
    for (const id of ids) {
      if (typeof id !== 'string' || !OPERATION_IDS.has(id)) {
        fail(`match.operationId ${show(id)} is not an operation of the registry spec`)
      }
    }
    match.operationId = Array.isArray(raw.operationId) ? [...(ids as string[])] : (ids[0] as string)
  }
  for (const key of ['method', 'path', 'serviceName'] as const) {
    const value = raw[key]
    if (value === undefined) continue
    if (typeof value !== 'string' || value === '') fail(`match.${key} must be a non-empty string`)
    match[key] = value
  }
  return match
}

function validateAction(input: unknown): FaultAction {
  const raw = record(input, 'action')
  const type = raw.type as FaultAction['type']
  if (typeof type !== 'string' || !Object.hasOwn(ACTION_KEYS, type)) {
    fail(`action.type ${show(raw.type)} is not one of ${Object.keys(ACTION_KEYS).join(', ')}`)
  }
  checkKeys(raw, ['type', ...ACTION_KEYS[type]], `a ${type} action`)
  switch (type) {
    case 'latency':
      return validateLatency(raw)
    case 'error': {
      const code = typeof raw.errorCode === 'number' ? String(raw.errorCode) : raw.errorCode
      if (typeof code !== 'string' || !/^[45]\d{5}$/.test(code)) {
        fail(
          `errorCode ${show(raw.errorCode)} must be a 6-digit registry code from 400000 to 599999`,
        )
      }
      if (raw.detail !== undefined && typeof raw.detail !== 'string')
        fail('detail must be a string')
      return raw.detail === undefined
        ? { type, errorCode: code }
        : { type, errorCode: code, detail: raw.detail }
    }
    case 'status': {
      const status = integer('status', raw.status, 100, 599)
      if (status !== 429 && status < 500) fail(`status ${status} must be 429 or a 5xx`)
      if (raw.body !== undefined && typeof raw.body !== 'string') fail('body must be a string')
      return raw.body === undefined ? { type, status } : { type, status, body: raw.body }
    }
    default:
      return { type }
  }
}

function validateLatency(raw: Record<string, unknown>): FaultAction {
  if (raw.ms !== undefined) {
    if (raw.min !== undefined || raw.max !== undefined) fail('give either ms or min and max')
    return { type: 'latency', ms: integer('ms', raw.ms, 0, MAX_LATENCY_MS) }
  }
  if (raw.min === undefined || raw.max === undefined)
    fail('a latency action needs ms, or min and max')
  const min = integer('min', raw.min, 0, MAX_LATENCY_MS)
  const max = integer('max', raw.max, 0, MAX_LATENCY_MS)
  if (min > max) fail(`min (${min}) is greater than max (${max})`)
  return { type: 'latency', min, max }
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const got = Array.isArray(value) ? 'an array' : value === undefined ? 'nothing' : show(value)
    fail(`${what} must be a JSON object, got ${got}`)
  }
  return value as Record<string, unknown>
}

function checkKeys(raw: Record<string, unknown>, allowed: string[], what: string): void {
  for (const key of Object.keys(raw)) {
    if (!allowed.includes(key)) {
      fail(`${what} has the unknown field ${show(key)} (known: ${allowed.join(', ') || 'none'})`)
    }
  }
}

function integer(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(`${name} is ${show(value)}, expected an integer from ${min} to ${max}`)
  }
  return value
}

function show(value: unknown): string {
  return value === undefined ? 'missing' : JSON.stringify(value)
}

function fail(reason: string): never {
  throw new InvalidFaultRuleError(reason)
}
