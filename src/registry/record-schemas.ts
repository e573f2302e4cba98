import { createSpecValidator } from '../spec/validators.ts'
import type { MicroService, MicroServiceInstance, Schema } from './model.ts'
import { createStandardSchema } from './standard-schema.ts'
import type { RecordSchemas } from './tenant.ts'

/**
 * The Standard Schemas of the stored records, compiled from the spec's own component schemas
 * (`MicroService`, `MicroServiceInstance`, `Schema`), so storage checks exactly what the wire does.
 * @example
 * const services = new Collection({ schema: createRecordSchemas().service })
 */
export function createRecordSchemas(): RecordSchemas {
  const validator = createSpecValidator()
  const from = <T>(name: string) =>
    createStandardSchema<T>(name, (value) =>
      validator
        .schema(name, value)
        .map((issue) =>
          issue.name === 'body'
            ? { message: issue.message }
            : { message: issue.message, path: [issue.name] },
        ),
    )
  return {
    service: from<MicroService>('MicroService'),
    instance: from<MicroServiceInstance>('MicroServiceInstance'),
    schema: from<Schema>('Schema'),
  }
}
