import { RegistryError } from './errors.ts'

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
}

/**
 * Parses a Go duration such as `30m`, `1h30m` or `1.5h` into milliseconds; `undefined` when
 * malformed.
 * @example
 * parseGoDuration('1h30m') // 5_400_000
 */
export function parseGoDuration(text: string): number | undefined {
  if (
    !/^(\d+(\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)((\d+(\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h))*$/.test(text)
  ) {
    return undefined
  }
  let total = 0
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) {
    total += Number(amount) * UNIT_MS[unit!]!
  }
  return total
}

/**
 * The token lifetime of a `POST /v4/token` body in milliseconds: `tokenExpirationTime` (a Go
 * duration from 15m to 24h, default 12h), or 400001 in Service Center's wording.
 * @example
 * tokenLifetimeMs('30m') // 1_800_000
 */
export function tokenLifetimeMs(given: string | undefined): number {
  const lifetime = given || '12h'
  const ms = parseGoDuration(lifetime)
  if (ms === undefined || ms < 15 * 60_000 || ms > 24 * 3_600_000) {
    throw new RegistryError(
      '400001',
      `field 'Account.TokenExpirationTime' invalid value '${lifetime}' does not match rule: {Regexp: TokenExpirationTime}`,
    )
  }
  return ms
}
