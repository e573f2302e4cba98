import { RegistryUsageError } from './errors.ts'

/**
 * A version as four numeric segments, missing ones 0 (reference §3.1).
 * @example
 * parseVersion('1.2') // [1, 2, 0, 0]
 */
export type ParsedVersion = readonly [number, number, number, number]

/**
 * A parsed version rule (reference §3.2).
 * @example
 * const rule: VersionRule = { kind: 'latest', text: 'latest' }
 */
export type VersionRule =
  | { kind: 'exact'; text: string; version: ParsedVersion }
  | { kind: 'latest'; text: string }
  | { kind: 'atLeast'; text: string; from: ParsedVersion }
  | { kind: 'range'; text: string; from: ParsedVersion; to: ParsedVersion }

/** Service Center parses each segment as a signed 16-bit integer. */
const MAX_SEGMENT = 32767
const VERSION = /^\d+(\.\d+){0,3}$/

/**
 * Parses `1` to `1.2.3.4`; `undefined` when malformed or a segment exceeds 32767.
 * @example
 * parseVersion('1.10.0') // [1, 10, 0, 0]
 * parseVersion('60000') // undefined
 */
export function parseVersion(text: string): ParsedVersion | undefined {
  if (!VERSION.test(text)) return undefined
  const parts = text.split('.').map(Number)
  if (parts.some((part) => part > MAX_SEGMENT)) return undefined
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 0]
}

/**
 * Numeric comparison, segment by segment: negative when `a < b`, 0 when equal (`1.0` equals
 * `1.0.0`), positive when `a > b`. Both must be valid versions.
 * @example
 * compareVersions('1.10', '1.9') > 0 // true
 */
export function compareVersions(a: string | ParsedVersion, b: string | ParsedVersion): number {
  const left = typeof a === 'string' ? parseVersion(a) : a
  const right = typeof b === 'string' ? parseVersion(b) : b
  if (!left || !right) {
    throw new RegistryUsageError(
      'ERR_INVALID_VERSION',
      `Failed to compare versions: "${String(a)}" or "${String(b)}" is not a version. Pass 1 to 4 numeric segments of at most 32767.`,
    )
  }
  for (let i = 0; i < 4; i++) {
    const diff = left[i]! - right[i]!
    if (diff !== 0) return diff
  }
  return 0
}

/**
 * Parses a rule: an exact version, `latest`, `x+` or the half-open range `a-b`; `undefined` when
 * malformed.
 * @example
 * parseVersionRule('1.0-2.0') // { kind: 'range', … }
 */
export function parseVersionRule(text: string): VersionRule | undefined {
  if (text === 'latest') return { kind: 'latest', text }
  if (text.endsWith('+')) {
    const from = parseVersion(text.slice(0, -1))
    return from && { kind: 'atLeast', text, from }
  }
  const dash = text.indexOf('-')
  if (dash >= 0) {
    const a = parseVersion(text.slice(0, dash))
    const b = parseVersion(text.slice(dash + 1))
    if (!a || !b) return undefined
    // Reversed bounds are swapped rather than rejected (reference §3.2).
    const [from, to] = compareVersions(a, b) <= 0 ? [a, b] : [b, a]
    return { kind: 'range', text, from, to }
  }
  const version = parseVersion(text)
  return version && { kind: 'exact', text, version }
}

/**
 * Whether one version satisfies a rule. `latest` needs the whole set, see `selectVersions`.
 * @example
 * matchesRule('1.5', parseVersionRule('1.0-2.0')!) // true
 */
export function matchesRule(version: string, rule: VersionRule): boolean {
  const parsed = parseVersion(version)
  if (!parsed) return false
  switch (rule.kind) {
    case 'exact':
      // Exact rules compare the literal string: `1.0` and `1.0.0` are two services (§3.1).
      return version === rule.text
    case 'latest':
      return true
    case 'atLeast':
      return compareVersions(parsed, rule.from) >= 0
    case 'range':
      // Half-open [from, to), as Service Center's code and tests have it (§3.2, §12.3).
      return compareVersions(parsed, rule.from) >= 0 && compareVersions(parsed, rule.to) < 0
  }
}

/**
 * Sorts newest first (stable, so equal versions keep their order).
 * @example
 * sortNewestFirst(['1.0', '2.0'], (v) => v) // ['2.0', '1.0']
 */
export function sortNewestFirst<T>(items: Iterable<T>, versionOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareVersions(versionOf(b), versionOf(a)))
}

/**
 * The items whose version satisfies the rule, newest first; `latest` keeps only the newest one.
 * @example
 * selectVersions(['1.0', '1.5', '2.0'], (v) => v, parseVersionRule('1.2+')!) // ['2.0', '1.5']
 */
export function selectVersions<T>(
  items: Iterable<T>,
  versionOf: (item: T) => string,
  rule: VersionRule,
): T[] {
  const sorted = sortNewestFirst(items, versionOf)
  if (rule.kind === 'latest') return sorted.slice(0, 1)
  return sorted.filter((item) => matchesRule(versionOf(item), rule))
}
