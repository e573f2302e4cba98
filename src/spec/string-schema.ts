import type { CompiledSchema, SchemaError } from './compile.ts'
import type { JsonSchema } from './openapi.ts'
import { codePointLength } from './text-length.ts'

/** The keywords a parameter's string schema may use to be checked without ajv. */
const KEYWORDS = new Set(['type', 'minLength', 'maxLength', 'pattern', 'enum'])

/**
 * A validator for the plain string schemas of the spec's parameters (`type: string` with
 * `enum`, `minLength`, `maxLength`, `pattern`), reporting what ajv would report, in ajv's
 * order (`enum`, then `maxLength`, `minLength`, `pattern`), so the first 400001 detail reads
 * the same. Parameters are checked on every call, and this needs no ajv instance: the first
 * request after start-up does not wait for the spec's components to compile. `undefined` for
 * any other schema, which ajv then compiles.
 * @example
 * const validate = compileStringSchema({ type: 'string', maxLength: 64, pattern: '^\\S*$' })
 * validate?.('a b') // false; validate.errors: [{ keyword: 'pattern', … }]
 */
export function compileStringSchema(schema: JsonSchema): CompiledSchema | undefined {
  if (schema.type !== 'string') return undefined
  if (!Object.keys(schema).every((key) => KEYWORDS.has(key))) return undefined
  const { minLength, maxLength, pattern, enum: allowed } = schema
  if (minLength !== undefined && typeof minLength !== 'number') return undefined
  if (maxLength !== undefined && typeof maxLength !== 'number') return undefined
  if (pattern !== undefined && typeof pattern !== 'string') return undefined
  if (allowed !== undefined && !Array.isArray(allowed)) return undefined
  // ajv compiles patterns with the `u` flag.
  const regexp = pattern === undefined ? undefined : new RegExp(pattern, 'u')
  const validate: CompiledSchema = (data) => {
    if (typeof data !== 'string') {
      validate.errors = [error('type', { type: 'string' }, 'must be string')]
      return false
    }
    let errors: SchemaError[] | undefined
    const fail = (found: SchemaError) => {
      errors ??= []
      errors.push(found)
    }
    if (allowed && !allowed.includes(data)) {
      fail(error('enum', { allowedValues: allowed }, 'must be equal to one of the allowed values'))
    }
    // ajv counts code points, not UTF-16 units.
    const length = maxLength !== undefined || minLength !== undefined ? codePointLength(data) : 0
    if (maxLength !== undefined && length > maxLength) {
      fail(
        error('maxLength', { limit: maxLength }, `must NOT have more than ${maxLength} characters`),
      )
    }
    if (minLength !== undefined && length < minLength) {
      fail(
        error(
          'minLength',
          { limit: minLength },
          `must NOT have fewer than ${minLength} characters`,
        ),
      )
    }
    if (regexp && !regexp.test(data)) {
      fail(error('pattern', { pattern }, `must match pattern "${pattern}"`))
    }
    validate.errors = errors ?? null
    return errors === undefined
  }
  return validate
}

function error(keyword: string, params: Record<string, unknown>, message: string): SchemaError {
  return { keyword, instancePath: '', params, message }
}
