import Ajv2020Module from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { OPERATIONS } from '../../src/http/operations.ts'
import type { SchemaError } from '../../src/spec/compile.ts'
import { getOperation } from '../../src/spec/document.ts'
import { compileStringSchema } from '../../src/spec/string-schema.ts'

const Ajv2020 = Ajv2020Module.default

const VALUES = [
  '',
  'a',
  'a b',
  'x'.repeat(64),
  'x'.repeat(65),
  'x'.repeat(161),
  '😀'.repeat(64),
  '😀'.repeat(65),
  'A1',
  '-a',
  'a-',
  'a.b',
  'a,b',
  'a:b',
  'true',
  '0',
  'UP',
  'websocket',
  'Upgrade',
  'query',
  'production',
  'é',
  ' ',
  '\t',
]

/** Every parameter schema of the spec, once each. */
function parameterSchemas() {
  const schemas = new Map<string, Record<string, unknown>>()
  for (const operation of OPERATIONS) {
    for (const parameter of getOperation(operation.operationId).parameters) {
      schemas.set(JSON.stringify(parameter.schema), parameter.schema)
    }
  }
  return [...schemas.values()]
}

describe('parameter string schemas checked without ajv', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false })
  const schemas = parameterSchemas()

  it('cover every parameter schema of the spec except references', () => {
    const uncovered = schemas.filter((schema) => !compileStringSchema(schema))
    expect(uncovered.every((schema) => '$ref' in schema)).toBe(true)
    expect(schemas.length - uncovered.length).toBeGreaterThan(10)
  })

  it('report exactly the errors ajv reports, in the same order', () => {
    const errorsOf = (errors: readonly SchemaError[] | null | undefined) =>
      (errors ?? []).map(({ keyword, params, message, instancePath }) => ({
        keyword,
        params,
        message,
        instancePath,
      }))
    let compared = 0
    for (const schema of schemas) {
      const ours = compileStringSchema(schema)
      if (!ours) continue
      const theirs = ajv.compile(schema)
      for (const value of VALUES) {
        const valid = theirs(value)
        expect({ schema, value, valid: ours(value), errors: errorsOf(ours.errors) }).toEqual({
          schema,
          value,
          valid,
          errors: errorsOf(theirs.errors),
        })
        compared += 1
      }
    }
    expect(compared).toBeGreaterThan(200)
  })

  it('leave schemas with other keywords to ajv', () => {
    expect(compileStringSchema({ type: 'string', format: 'date-time' })).toBeUndefined()
    expect(compileStringSchema({ type: 'integer', minimum: 1 })).toBeUndefined()
    expect(compileStringSchema({ $ref: '#/components/schemas/VersionRule' })).toBeUndefined()
  })
})
