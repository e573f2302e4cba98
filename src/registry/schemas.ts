import { type RegistryCore, type RequestContext, requireService } from './core.ts'
import { RegistryError } from './errors.ts'
import type { Schema } from './model.ts'
import { omitEmpty } from './output.ts'
import { rewriteService, schemaStoreOf } from './services.ts'
import { insertRecord, replaceRecord } from './store.ts'
import type { ServiceEntry } from './tenant.ts'

/**
 * `GET …/schemas?withSchema=`: every schema id the service declares, with its summary and,
 * when asked, its text. Declared ids without content are listed with their id only.
 * @example
 * listSchemas(core, ctx, serviceId, true).schemas
 */
export function listSchemas(
  core: RegistryCore,
  ctx: RequestContext,
  serviceId: string,
  withSchema: boolean,
): { schemas?: Schema[] } {
  const entry = requireService(core, ctx, serviceId)
  const ids = new Set([...(entry.record.schemas ?? []), ...entry.schemas.keys()])
  const schemas = [...ids].map((schemaId) => {
    const stored = entry.schemas.get(schemaId)
    return omitEmpty<Schema>({
      schemaId,
      summary: stored?.summary ?? '',
      schema: withSchema ? (stored?.schema ?? '') : '',
    })
  })
  return schemas.length ? { schemas } : {}
}

/**
 * `GET …/schemas/{schemaId}`: the text and summary (the HTTP layer sends the summary as the
 * `X-Schema-Summary` header); 400016 when there is no content.
 * @example
 * getSchema(core, ctx, serviceId, 'hello').schema
 */
export function getSchema(
  core: RegistryCore,
  ctx: RequestContext,
  serviceId: string,
  schemaId: string,
): { schema?: string; summary?: string } {
  const stored = requireSchema(requireService(core, ctx, serviceId), schemaId)
  return omitEmpty({ schema: stored.schema ?? '', summary: stored.summary ?? '' })
}

function requireSchema(entry: ServiceEntry, schemaId: string): Schema {
  const stored = entry.schemas.get(schemaId)
  // Service Center's words for any schema without content, whatever the operation.
  if (!stored) throw new RegistryError('400016', 'schema ref not found.')
  return stored
}

/** The cse rule of §8.2 applies to services in `production` or an empty environment. */
function isRestricted(core: RegistryCore, entry: ServiceEntry): boolean {
  const environment = entry.record.environment ?? ''
  return core.rules.restrictSchemaEdits && (environment === 'production' || environment === '')
}

/**
 * `PUT …/schemas/{schemaId}`: adds or replaces one schema and declares its id on the service.
 * Restricted services (see `restrictSchemaEdits`) may not add undeclared ids (400014) nor
 * overwrite a schema that has a summary or without sending one (400015).
 * @example
 * await putSchema(core, ctx, serviceId, 'hello', { schema: 'openapi: 3.0.0', summary: 'abc' })
 */
export async function putSchema(
  core: RegistryCore,
  ctx: RequestContext,
  serviceId: string,
  schemaId: string,
  body: { schema: string; summary?: string },
): Promise<void> {
  const entry = requireService(core, ctx, serviceId)
  const declared = entry.record.schemas ?? []
  const existing = entry.schemas.get(schemaId)
  if (isRestricted(core, entry)) {
    if (declared.length > 0 && !declared.includes(schemaId)) {
      throw new RegistryError(
        '400014',
        `Schema[${schemaId}] is not declared by the service; it cannot be added in this environment.`,
      )
    }
    if (existing && (!body.summary || existing.summary)) {
      throw new RegistryError(
        '400015',
        `Schema[${schemaId}] already exists and cannot be changed in this environment.`,
      )
    }
  }
  if (!declared.includes(schemaId) && declared.length >= core.quotas.schemas) {
    throw new RegistryError(
      '400100',
      `No quota to add schema: the limit is ${core.quotas.schemas}.`,
    )
  }
  await storeSchema(
    core,
    entry,
    omitEmpty<Schema>({ schemaId, schema: body.schema, summary: body.summary ?? '' }),
  )
  if (!declared.includes(schemaId)) await declareSchemas(core, entry, [...declared, schemaId])
}

/**
 * `POST …/schemas`: replaces the service's whole schema set; ids not listed are removed.
 * Restricted services reject undeclared ids (400014) and silently keep summarised schemas.
 * @example
 * await putSchemas(core, ctx, serviceId, [{ schemaId: 'hello', schema: '…', summary: 'abc' }])
 */
export async function putSchemas(
  core: RegistryCore,
  ctx: RequestContext,
  serviceId: string,
  schemas: Schema[],
): Promise<void> {
  const entry = requireService(core, ctx, serviceId)
  const ids = (schemas ?? []).map((s) => s.schemaId)
  if (ids.length === 0 || new Set(ids).size !== ids.length || schemas.some((s) => !s.summary)) {
    throw new RegistryError('400001', 'Invalid request.')
  }
  if (ids.length > core.quotas.schemas) {
    throw new RegistryError(
      '400100',
      `No quota to add ${ids.length} schemas: the limit is ${core.quotas.schemas}.`,
    )
  }
  const declared = entry.record.schemas ?? []
  if (isRestricted(core, entry)) {
    const undeclared = declared.length > 0 ? ids.filter((id) => !declared.includes(id)) : []
    if (undeclared.length > 0) {
      throw new RegistryError(
        '400014',
        `Schema(s) ${undeclared.join(', ')} are not declared by the service.`,
      )
    }
    for (const schema of schemas) {
      if (!entry.schemas.get(schema.schemaId)?.summary)
        await storeSchema(core, entry, omitEmpty(schema))
    }
    if (declared.length === 0) await declareSchemas(core, entry, ids)
    return
  }
  for (const [schemaId, stored] of [...entry.schemas]) {
    if (ids.includes(schemaId)) continue
    entry.schemaStore?.delete(stored as never)
    entry.schemas.delete(schemaId)
  }
  for (const schema of schemas) await storeSchema(core, entry, omitEmpty(schema))
  await declareSchemas(core, entry, ids)
}

/**
 * `DELETE …/schemas/{schemaId}`: 400016 when there is no content. Only the content and summary
 * go: the id stays declared in `service.schemas` and listed without summary, as Service Center
 * 2.2 leaves it (observed side by side).
 * @example
 * await deleteSchema(core, ctx, serviceId, 'hello')
 */
export async function deleteSchema(
  core: RegistryCore,
  ctx: RequestContext,
  serviceId: string,
  schemaId: string,
): Promise<void> {
  const entry = requireService(core, ctx, serviceId)
  const stored = requireSchema(entry, schemaId)
  entry.schemaStore?.delete(stored as never)
  entry.schemas.delete(schemaId)
}

async function storeSchema(core: RegistryCore, entry: ServiceEntry, schema: Schema): Promise<void> {
  const store = schemaStoreOf(core, entry)
  const existing = entry.schemas.get(schema.schemaId)
  const stored = existing
    ? await replaceRecord(store, core.schemas.schema, existing, schema)
    : await insertRecord(store, core.schemas.schema, schema)
  if (stored) entry.schemas.set(schema.schemaId, stored)
}

async function declareSchemas(
  core: RegistryCore,
  entry: ServiceEntry,
  ids: string[],
): Promise<void> {
  entry.record = await rewriteService(core, entry, (draft) => {
    if (ids.length > 0) draft.schemas = ids
    else delete draft.schemas
  })
}
