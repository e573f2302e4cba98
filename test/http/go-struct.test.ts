import { expect, it } from 'vitest'
import { checkGoStruct, type GoStruct } from '../../src/http/go-struct.ts'
import { RegistryError } from '../../src/registry/errors.ts'

const DEMO: GoStruct = {
  name: 'Demo',
  fields: [
    { name: 'Name', json: 'name', kind: 'string', rule: { min: 2, max: 3 } },
    { name: 'Count', json: 'count', kind: 'int', rule: { min: 1, max: 9 } },
    { name: 'Labels', json: 'labels', kind: 'map', rule: { min: 1, pattern: '^[a-z]+$' } },
    { name: 'Ids', json: 'ids', kind: 'strings', rule: { max: 2, pattern: '^[a-z]+$' } },
    {
      name: 'Inner',
      json: 'inner',
      kind: 'struct',
      rule: { min: 1 },
      sub: {
        name: 'Inner',
        fields: [{ name: 'Code', json: 'code', kind: 'string', rule: { pattern: '^x$' } }],
      },
    },
  ],
}

const valid = { name: 'ab', count: 1, labels: { a: 'b' }, ids: [], inner: { code: 'x' } }

function detailOf(value: unknown): string | undefined {
  try {
    checkGoStruct(DEMO, value)
    return undefined
  } catch (error) {
    expect(error).toBeInstanceOf(RegistryError)
    expect((error as RegistryError).code).toBe('400001')
    return (error as RegistryError).detail
  }
}

it('passes a value that meets every rule, sub-struct included', () => {
  expect(detailOf({ ...valid, inner: { code: 'x' } })).toBeUndefined()
})

it('reports the first field in declaration order with Go-printed values', () => {
  expect(detailOf({ ...valid, name: 'a', count: 0 })).toBe(
    "field 'Demo.Name' invalid value 'a' does not match rule: {Min: 2, Max: 3}",
  )
  expect(detailOf({ ...valid, count: 10 })).toBe(
    "field 'Demo.Count' invalid value '10' does not match rule: {Min: 1, Max: 9}",
  )
  expect(detailOf({ ...valid, labels: {} })).toBe(
    "field 'Demo.Labels' invalid value 'map[]' does not match rule: {Min: 1, Regexp: ^[a-z]+$}",
  )
  expect(detailOf({ ...valid, labels: { a: 'B' } })).toBe(
    "field 'Demo.Labels' invalid value 'B' does not match rule: {Min: 1, Regexp: ^[a-z]+$}",
  )
  expect(detailOf({ ...valid, ids: ['a', 'b', 'c'] })).toBe(
    "field 'Demo.Ids' invalid value '[a b c]' does not match rule: {Max: 2, Regexp: ^[a-z]+$}",
  )
  expect(detailOf({ ...valid, inner: null })).toBe(
    "field 'Demo.Inner' invalid value '<nil>' does not match rule: {Min: 1}",
  )
  expect(detailOf({ ...valid, inner: { code: 'y' } })).toBe(
    "field 'Inner.Code' invalid value 'y' does not match rule: {Regexp: ^x$}",
  )
})

it('counts the minimum in bytes and the maximum in characters, as Go does', () => {
  expect(detailOf({ ...valid, name: 'é' })).toBeUndefined()
  expect(detailOf({ ...valid, name: 'ééé' })).toBeUndefined()
  expect(detailOf({ ...valid, name: 'éééé' })).toMatch(/^field 'Demo.Name'/)
})

it('leaves values of the wrong JSON type to the type check', () => {
  expect(detailOf({ ...valid, name: 5, count: 'x', labels: [], ids: 'a' })).toBeUndefined()
})
