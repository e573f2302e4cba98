import type { Collection } from '@msw/data'
import type { StandardSchemaV1 } from '@standard-schema/spec'
import { RegistryError } from './errors.ts'

type Store<T> = Collection<StandardSchemaV1<T, T>>
type RecordSchema<T> = StandardSchemaV1<T, T>

/**
 * Stores a new record through the collection (which validates it against the spec schema) and
 * returns the object the collection keeps. A record the schema rejects answers 400001.
 * @example
 * const record = await insertRecord(tenant.services, schemas.service, service)
 */
export async function insertRecord<T extends object>(
  store: Store<T>,
  schema: RecordSchema<T>,
  value: T,
): Promise<T> {
  // Checked first as well: on a rejected record the collection logs the issues to the console.
  await checkRecord(schema, value)
  try {
    return (await store.create(value as never)) as T
  } catch (error) {
    throw await invalidRecord(schema, value, error)
  }
}

/**
 * Checks a record against its spec schema, as a collection does on `create`: a record the
 * schema rejects answers 400001 with the schema's issues. For the stores the registry keeps
 * itself (instances), where nothing else validates.
 * @example
 * await checkRecord(schemas.instance, record)
 */
export async function checkRecord<T>(schema: RecordSchema<T>, value: T): Promise<void> {
  const checked = await schema['~standard'].validate(value)
  if (checked.issues) throw await invalidRecord(schema, value, undefined)
}

/**
 * Rewrites a stored record and returns the new object `@msw/data` puts in its place (update
 * never mutates in place), or `undefined` when the record is gone.
 * @example
 * slot.record = (await updateRecord(store, schemas.instance, slot.record, (draft) => { draft.status = 'DOWN' }))!
 */
export async function updateRecord<T extends object>(
  store: Store<T>,
  schema: RecordSchema<T>,
  record: T,
  mutate: (draft: T) => void,
): Promise<T | undefined> {
  try {
    return (await store.update(record as never, { data: (draft) => mutate(draft as T) })) as
      | T
      | undefined
  } catch (error) {
    throw await invalidRecord(schema, record, error)
  }
}

/**
 * Replaces a stored record with `next` (an overwrite) and returns the object the store now
 * holds, or `undefined` when the record is gone. The new record is validated and stored before
 * the old one goes, so a rejected overwrite leaves the record as it was. Nothing reads the
 * collections' order or primary keys, so a fresh record does what `update()` did at a third
 * of the cost: `update()` clones the record, drafts every field removal and addition through
 * mutative and collects patches (about 50 µs for one instance).
 * @example
 * await replaceRecord(store, schemas.instance, slot.record, next)
 */
export async function replaceRecord<T extends object>(
  store: Store<T>,
  schema: RecordSchema<T>,
  record: T,
  next: T,
): Promise<T | undefined> {
  if (!store.findFirst((query) => query.where((stored) => stored === record))) return undefined
  const stored = await insertRecord(store, schema, next)
  store.delete(record as never)
  return stored
}

/** Re-runs the schema for the detail: the collection only logs the issues before it throws. */
async function invalidRecord<T>(
  schema: RecordSchema<T>,
  value: unknown,
  cause: unknown,
): Promise<RegistryError> {
  const result = await schema['~standard'].validate(value)
  const issues = result?.issues?.map((issue) => {
    const path = issue.path?.map((p) => String(typeof p === 'object' ? p.key : p)).join('.')
    return path ? `${path}: ${issue.message}` : issue.message
  })
  if (!issues?.length) throw cause
  const what = schema['~standard'].vendor.replace(/^cse-mock\//, '')
  return new RegistryError('400001', `${what} does not match the spec: ${issues.join('; ')}`)
}
