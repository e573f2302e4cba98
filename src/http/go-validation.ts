import { RegistryError } from '../registry/errors.ts'
import { parseVersion, parseVersionRule } from '../registry/index.ts'
import { codePointLength } from '../spec/text-length.ts'
import { goPattern } from './go-pattern.ts'

/**
 * One of Service Center's field rules (its `validate.Rule`): length bounds and a pattern,
 * printed in its own words in the 400001 detail.
 * @example
 * const rule: GoRule = { min: 1, max: 160, pattern: NAME_PATTERN }
 */
export interface GoRule {
  min?: number
  max?: number
  pattern?: string
  /** A check that is not a regular expression, with the text Service Center prints for it. */
  custom?: { test: (value: string) => boolean; text: string }
}

/** Service Center's `nameRegex` (appId, serviceName of a service key). */
export const NAME_PATTERN = String.raw`^[a-zA-Z0-9]*$|^[a-zA-Z0-9][a-zA-Z0-9_\-.]*[a-zA-Z0-9]$`
/** Its `serviceNameForFindRegex`: a name or an alias (`app:name`). */
export const FIND_NAME_PATTERN = String.raw`^[a-zA-Z0-9]*$|^[a-zA-Z0-9][a-zA-Z0-9_\-.:]*[a-zA-Z0-9]$`
/** Its `schemaIDUnlimitedRegex`. */
export const SCHEMA_ID_PATTERN = String.raw`^[a-zA-Z0-9]+$|^[a-zA-Z0-9][a-zA-Z0-9_\-.]*[a-zA-Z0-9]$`
/** Its `serviceIDRegex`. */
export const SERVICE_ID_PATTERN = String.raw`^\S*$`
/** Its `envRegex`. */
export const ENV_PATTERN = '^(development|testing|acceptance|production)*$'

/**
 * Checks a value against a rule as Service Center's validator does and throws its 400001:
 * `field 'FindInstancesRequest.AppId' invalid value '' does not match rule: {Min: 1, Max: 160, Regexp: …}`.
 * @example
 * checkGoField('FindInstancesRequest', 'AppId', query.get('appId') ?? '', { min: 1, max: 160, pattern: NAME_PATTERN })
 */
export function checkGoField(struct: string, field: string, value: string, rule: GoRule): void {
  const length = codePointLength(value)
  const fails =
    (rule.min !== undefined && length < rule.min) ||
    (rule.max !== undefined && length > rule.max) ||
    (rule.pattern !== undefined && !goPattern(rule.pattern).test(value)) ||
    (rule.custom !== undefined && !rule.custom.test(value))
  if (!fails) return
  throw new RegistryError(
    '400001',
    `field '${struct}.${field}' invalid value '${value}' does not match rule: ${goRuleText(rule)}`,
  )
}

/**
 * A rule as Service Center prints it in a detail: `{Min: 1, Max: 160, Regexp: …}`.
 * @example
 * goRuleText({ min: 1, max: 64 }) // '{Min: 1, Max: 64}'
 */
export function goRuleText(rule: GoRule): string {
  const parts: string[] = []
  if (rule.min) parts.push(`Min: ${rule.min}`)
  if (rule.max) parts.push(`Max: ${rule.max}`)
  if (rule.pattern) parts.push(`Regexp: ${rule.pattern}`)
  if (rule.custom) parts.push(`Regexp: ${rule.custom.text}`)
  return `{${parts.join(', ')}}`
}

/**
 * Service Center's version rule of a service key (`validate.NewVersionRegexp(false)`).
 * @example
 * checkGoField('MicroService', 'Version', '1.0', { max: 64, custom: EXACT_VERSION })
 */
export const EXACT_VERSION: NonNullable<GoRule['custom']> = {
  test: (version) => parseVersion(version) !== undefined,
  text: 'the form x[.y[.z]] where x y and z are 0-32767 range',
}

/**
 * Its rule of a provider's version in a dependency: empty, exact, `x+`, `x-y` or `latest`.
 * @example
 * VERSION_RULE.test('1.0.0+') // true
 */
export const VERSION_RULE: NonNullable<GoRule['custom']> = {
  test: (rule) =>
    rule === '' ||
    (/^(^\d+(\.\d+){0,2}\+?$|^\d+(\.\d+){0,2}-\d+(\.\d+){0,2}$|^latest$)?$/.test(rule) &&
      parseVersionRule(rule) !== undefined),
  text: "the form x[.y[.z]] or x[.y[.z]]+ or x[.y[.z]]-x[.y[.z]] or 'latest' where x y and z are 0-32767 range",
}
