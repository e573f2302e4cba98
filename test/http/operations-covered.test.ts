import { readdirSync } from 'node:fs'
import { expect, it } from 'vitest'
import { OPERATIONS } from '../../src/http/operations.ts'
import { COVERAGE } from './coverage.ts'

it('covers every operation the mock routes, each in one file', () => {
  const lists: readonly (readonly string[])[] = Object.values(COVERAGE)
  const covered = lists.flat()
  expect(new Set(covered).size, 'no operation is claimed by two files').toBe(covered.length)
  expect([...covered].sort()).toEqual(OPERATIONS.map((op) => op.operationId).sort())
  expect(OPERATIONS).toHaveLength(57)
})

it('has a test file for every entry of the coverage list', () => {
  const files = readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.test.ts'))
  for (const area of Object.keys(COVERAGE)) expect(files).toContain(`${area}.test.ts`)
})
