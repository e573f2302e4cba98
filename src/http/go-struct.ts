import { RegistryError } from '../registry/errors.ts'
import { codePointLength, utf8Length } from '../spec/text-length.ts'
import { goPattern } from './go-pattern.ts'
import { type GoRule, goRuleText } from './go-validation.ts'

/** How a field is typed in Service Center's Go struct, which decides its zero value and printing. */
export type GoKind = 'string' | 'int' | 'bool' | 'strings' | 'map' | 'struct' | 'structs'

/** One field of a Go request struct: its rule, and for structs the validator of its parts. */
export interface GoField {
  /** The Go field name printed in the detail, e.g. `ServiceName`. */
  name: string
  /** The JSON member it is decoded from, e.g. `serviceName`. */
  json: string
  kind: GoKind
  rule?: GoRule
  /** For `struct` and `structs`: the validator of the value or of each element. */
  sub?: GoStruct
}

/** A Go request struct with its validator, fields in declaration order (the order of checking). */
export interface GoStruct {
  /** The Go type name printed in the detail, e.g. `MicroService`. */
  name: string
  fields: readonly GoField[]
}

/**
 * Validates a decoded JSON value as Service Center's `validate.Validator` does for the struct it
 * decodes into: fields in declaration order, a field's rule before the parts of its sub-struct,
 * and the first failure thrown as its 400001 `field 'T.F' invalid value 'v' does not match rule: {…}`.
 * Values of the wrong JSON type are left alone (the spec check reports them, as Go's decoder
 * fails on them before any validator runs).
 * @example
 * checkGoStruct(DEL_SERVICES_REQUEST, { serviceIds: [] })
 * // throws 400001 field 'DelServicesRequest.ServiceIds' invalid value '[]' does not match rule: {Min: 1, Regexp: ^\S{1,64}$}
 */
export function checkGoStruct(struct: GoStruct, value: unknown): void {
  const record = isRecord(value) ? value : {}
  for (const field of struct.fields) {
    const raw = record[field.json]
    const present = raw !== undefined && raw !== null
    if (present && !hasKind(raw, field.kind)) continue
    if (field.rule) {
      const invalid = firstInvalid(field.rule, field.kind, present ? raw : undefined)
      if (invalid !== undefined) {
        throw new RegistryError(
          '400001',
          `field '${struct.name}.${field.name}' invalid value '${invalid.shown}' does not match rule: ${goRuleText(field.rule)}`,
        )
      }
    }
    if (!field.sub || !present) continue
    if (field.kind === 'struct') checkGoStruct(field.sub, raw)
    if (field.kind === 'structs')
      for (const item of raw as unknown[]) checkGoStruct(field.sub, item)
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function hasKind(value: unknown, kind: GoKind): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string'
    case 'int':
      return typeof value === 'number'
    case 'bool':
      return typeof value === 'boolean'
    case 'strings':
    case 'structs':
      return Array.isArray(value)
    case 'map':
    case 'struct':
      return isRecord(value)
  }
}

/** Rule.Match of Service Center: the failing value as `%v` prints it, or `undefined` when it passes. */
function firstInvalid(rule: GoRule, kind: GoKind, value: unknown): { shown: string } | undefined {
  const min = rule.min ?? 0
  const max = rule.max ?? 0
  const fails = (shown: string) => ({ shown })
  switch (kind) {
    case 'string': {
      const text = (value as string | undefined) ?? ''
      // Go's `len` counts UTF-8 bytes and the rule's maximum runes. A code unit is at least
      // one byte and at most one rune, so the length alone decides most strings.
      if (text.length < min && utf8Length(text) < min) return fails(text)
      if (max > 0 && text.length > max && codePointLength(text) > max) return fails(text)
      return matchesPattern(rule, text) ? undefined : fails(text)
    }
    case 'int': {
      const number = (value as number | undefined) ?? 0
      if (number < min || (max > 0 && number > max)) return fails(String(number))
      return undefined
    }
    case 'bool':
      return undefined
    case 'struct':
      // A nil pointer fails any rule; a present struct passes (its parts are checked as a sub).
      return value === undefined ? fails('<nil>') : undefined
    case 'strings':
    case 'structs': {
      const items = (value as unknown[] | undefined) ?? []
      if (items.length < min || (max > 0 && items.length > max)) return fails(showSlice(items))
      for (const item of items) {
        if (typeof item === 'string' && !matchesPattern(rule, item)) return fails(item)
      }
      return undefined
    }
    case 'map': {
      const entries = Object.entries((value as Record<string, unknown> | undefined) ?? {})
      if (entries.length < min || (max > 0 && entries.length > max)) {
        return fails(showMap(entries))
      }
      for (const [key, item] of entries) {
        if (!matchesPattern(rule, key)) return fails(key)
        if (typeof item === 'string' && !matchesPattern(rule, item)) return fails(item)
      }
      return undefined
    }
  }
}

function matchesPattern(rule: GoRule, text: string): boolean {
  if (rule.pattern !== undefined && !goPattern(rule.pattern).test(text)) return false
  return rule.custom === undefined || rule.custom.test(text)
}

function showItem(item: unknown): string {
  if (typeof item === 'object' && item !== null) return '{…}'
  return String(item)
}

/** Go's `%v` of a slice: `[a b c]`. */
function showSlice(items: readonly unknown[]): string {
  return `[${items.map(showItem).join(' ')}]`
}

/** Go's `%v` of a map: `map[a:x b:y]`, keys sorted as fmt sorts them. */
function showMap(entries: [string, unknown][]): string {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `map[${sorted.map(([key, item]) => `${key}:${showItem(item)}`).join(' ')}]`
}
