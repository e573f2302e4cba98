import type { StandardSchemaV1 } from '@standard-schema/spec'

/**
 * One problem found by a validator function.
 * @example
 * const issue: RecordIssue = { message: 'must have required property hostName', path: ['hostName'] }
 */
export interface RecordIssue {
  message: string
  path?: ReadonlyArray<PropertyKey>
}

/**
 * A validator as the spec module compiles it: the value in, the problems out (none = valid).
 * @example
 * const anyObject: RecordValidator = (value) => (typeof value === 'object' ? [] : [{ message: 'not an object' }])
 */
export type RecordValidator = (value: unknown) => readonly RecordIssue[]

/**
 * Wraps a validator function as a Standard Schema, so `@msw/data` collections validate records
 * with the spec's own component schemas instead of a second, hand-written copy of them.
 * @example
 * const schema = createStandardSchema<MicroService>('MicroService', (value) => validator.schema('MicroService', value))
 * const services = new Collection({ schema })
 */
export function createStandardSchema<T>(
  vendor: string,
  validate: RecordValidator,
): StandardSchemaV1<T, T> {
  return {
    '~standard': {
      version: 1,
      vendor: `cse-mock/${vendor}`,
      validate(value): StandardSchemaV1.Result<T> {
        const issues = validate(value)
        if (issues.length === 0) return { value: value as T }
        return {
          issues: issues.map((issue) =>
            issue.path ? { message: issue.message, path: issue.path } : { message: issue.message },
          ),
        }
      },
    },
  }
}

/**
 * A validator that accepts every object, for records whose schema is not available.
 * @example
 * createStandardSchema('Schema', acceptObjects)
 */
export const acceptObjects: RecordValidator = (value) =>
  typeof value === 'object' && value !== null ? [] : [{ message: 'expected an object' }]
