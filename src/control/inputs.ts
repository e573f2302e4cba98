import type { RequestLogFilter } from '../faults/types.ts'
import { PROFILE_RULES, type Profile } from '../registry/profile.ts'
import { DEFAULT_SEED_OPTIONS, type SeedOptions } from '../seed/options.ts'
import { kindOf, objectBody } from './body.ts'
import { ControlError } from './respond.ts'

/** A hundred years: larger jumps are typos, and would overflow the registry's timestamps. */
const MAX_ADVANCE_MS = 100 * 365 * 24 * 3600 * 1000
const SEED_KEYS = Object.keys(DEFAULT_SEED_OPTIONS)
const FILTER_KEYS = ['operationId', 'method', 'status']

/**
 * Reads `POST /__cse-mock/seed`: seed options, a bare seed number, or nothing for the defaults.
 * The values themselves are checked by the seeder.
 * @example
 * seedInput({ seed: 7, apps: 1 })
 */
export function seedInput(body: unknown): number | Partial<SeedOptions> {
  if (body === undefined) return {}
  if (typeof body === 'number') return body
  const options = objectBody(body, 'the seed options')
  for (const key of Object.keys(options)) {
    if (!SEED_KEYS.includes(key)) {
      throw new ControlError(
        400,
        'INVALID_SEED_OPTIONS',
        `The seed options have the unknown field "${key}"; known fields: ${SEED_KEYS.join(', ')}.`,
      )
    }
  }
  return options as Partial<SeedOptions>
}

/**
 * Reads `PUT /__cse-mock/profile`: `{ "profile": "cse" | "servicecomb" }`.
 * @example
 * profileInput({ profile: 'servicecomb' }) // 'servicecomb'
 */
export function profileInput(body: unknown): Profile {
  const { profile } = objectBody(body, 'the profile body')
  if (typeof profile !== 'string' || !Object.hasOwn(PROFILE_RULES, profile)) {
    throw new ControlError(
      400,
      'INVALID_PROFILE',
      `profile is ${profile === undefined ? 'missing' : JSON.stringify(profile)}; use one of ${Object.keys(PROFILE_RULES).join(', ')}.`,
    )
  }
  return profile as Profile
}

/**
 * Reads `POST /__cse-mock/clock/advance`: `{ "ms": 30000 }`.
 * @example
 * advanceInput({ ms: 30_000 }) // 30000
 */
export function advanceInput(body: unknown): number {
  const { ms } = objectBody(body, 'the advance body')
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > MAX_ADVANCE_MS) {
    throw new ControlError(
      400,
      'INVALID_BODY',
      `ms is ${typeof ms === 'number' ? ms : kindOf(ms)}; expected milliseconds from 0 to ${MAX_ADVANCE_MS}.`,
    )
  }
  return ms
}

/**
 * Reads the filters of `GET /__cse-mock/requests` from its query string.
 * @example
 * requestFilterInput(new URLSearchParams('status=503')) // { status: 503 }
 */
export function requestFilterInput(query: URLSearchParams): RequestLogFilter {
  const filter: RequestLogFilter = {}
  for (const [key, value] of query) {
    if (!FILTER_KEYS.includes(key)) {
      throw new ControlError(
        400,
        'INVALID_QUERY',
        `Unknown query parameter "${key}"; the request log filters by ${FILTER_KEYS.join(', ')}.`,
      )
    }
    if (key === 'status') {
      if (!/^\d{1,3}$/.test(value)) {
        throw new ControlError(
          400,
          'INVALID_QUERY',
          `status is "${value}"; expected a number such as 503.`,
        )
      }
      filter.status = Number(value)
    } else if (key === 'method') filter.method = value
    else filter.operationId = value
  }
  return filter
}
