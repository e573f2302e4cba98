import { Collection } from '@msw/data'
import {
  ensureTenant,
  environmentOf,
  findTenant,
  nowSeconds,
  type RegistryCore,
  type RequestContext,
  requireService,
} from './core.ts'
import { RegistryError } from './errors.ts'
import { serviceIdFor } from './ids.ts'
import { registerInstance } from './instances.ts'
import type { CreateServiceRequest, MicroService } from './model.ts'
import { omitEmpty } from './output.ts'
import { isOwnService, quotaUse } from './own-service.ts'
import { insertRecord, updateRecord } from './store.ts'
import { applyTags } from './tags.ts'
import {
  addToIndex,
  nameKey,
  type ServiceEntry,
  serviceIdentityKey,
  type TenantState,
} from './tenant.ts'
import { parseVersion } from './version.ts'

/**
 * `POST /registry/microservices` (reference §4.1): creates a service, or answers the existing
 * id for the same identity (idempotent); then applies `tags` and registers `instances`, whose
 * failures answer 400001 while the service stays created.
 * @example
 * const { serviceId } = await createService(core, ctx, { service: { serviceName: 'cart' } })
 */
export async function createService(
  core: RegistryCore,
  ctx: RequestContext,
  body: CreateServiceRequest,
): Promise<{ serviceId: string }> {
  if (!body?.service) throw new RegistryError('400001', 'Request body is empty')
  const service = withDefaults(core, body.service)
  const tenant = ensureTenant(core, ctx)
  const existing = tenant.byIdentity.get(serviceIdentityKey(service))
  let entry: ServiceEntry
  if (existing) {
    if (body.service.serviceId && body.service.serviceId !== existing.record.serviceId) {
      throw conflict()
    }
    entry = existing
  } else {
    entry = await insertService(core, tenant, service)
  }
  const serviceId = entry.record.serviceId!
  const failures: string[] = []
  if (body.tags && Object.keys(body.tags).length > 0) {
    try {
      applyTags(core, entry, body.tags)
    } catch (error) {
      failures.push(`tags: ${describe(error)}`)
    }
  }
  for (const [index, instance] of (body.instances ?? []).entries()) {
    try {
      await registerInstance(core, ctx, serviceId, instance)
    } catch (error) {
      failures.push(`instances[${index}]: ${describe(error)}`)
    }
  }
  if (failures.length > 0) throw new RegistryError('400001', failures.join('; '))
  return { serviceId }
}

/** Defaults applied before validation (reference §4.1); empty counts as absent, as in Go. */
function withDefaults(core: RegistryCore, input: CreateServiceRequest['service']): MicroService {
  const version = input.version || '0.0.1'
  if (!parseVersion(version)) {
    throw new RegistryError(
      '400001',
      `field 'MicroService.Version' invalid value '${version}': expected 1 to 4 numbers of at most 32767 separated by dots`,
    )
  }
  const { serviceId = '', environment: _e, appId: _a, serviceName, version: _v, ...rest } = input
  return {
    serviceId,
    environment: environmentOf(core, input.environment),
    appId: input.appId || 'default',
    serviceName,
    version,
    ...rest,
    level: input.level || 'BACK',
    status: input.status || 'UP',
  }
}

function conflict(detail = 'ServiceID conflict or found the same service with different id.') {
  return new RegistryError('400010', detail)
}

function describe(error: unknown): string {
  if (error instanceof RegistryError) return error.detail || error.errorMessage
  throw error
}

async function insertService(
  core: RegistryCore,
  tenant: TenantState,
  service: MicroService,
): Promise<ServiceEntry> {
  const { environment = '', appId = '', serviceName = '', version = '', alias } = service
  const serviceId =
    service.serviceId ||
    serviceIdFor({
      domain: tenant.domain,
      project: tenant.project,
      environment,
      appId,
      serviceName,
      version,
    })
  if (tenant.byId.has(serviceId)) throw conflict()
  const aliasKey = alias ? nameKey(environment, appId, alias) : undefined
  // The alias index key includes the version: two services may not share alias + version (§2.1).
  for (const other of (aliasKey && tenant.byAlias.get(aliasKey)) || []) {
    if (other.record.version === version)
      throw conflict(`Alias '${alias}' is already used by service ${other.record.serviceId}.`)
  }
  if ((service.schemas?.length ?? 0) > core.quotas.schemas) {
    throw new RegistryError(
      '400001',
      `field 'MicroService.Schemas' has more than ${core.quotas.schemas} items`,
    )
  }
  if (quotaUse(tenant).services >= core.quotas.services) {
    throw new RegistryError(
      '400100',
      `No quota to create service: the limit is ${core.quotas.services}.`,
    )
  }
  const stamp = nowSeconds(core)
  const record = omitEmpty<MicroService>({
    ...service,
    serviceId,
    timestamp: stamp,
    modTimestamp: stamp,
  })
  const stored = await insertRecord(tenant.services, core.schemas.service, record)
  return indexService(core, tenant, stored)
}

/**
 * Wraps a stored service record in an entry and adds it to every index of its tenant.
 * @example
 * indexService(core, tenant, stored)
 */
export function indexService(
  core: RegistryCore,
  tenant: TenantState,
  record: MicroService,
): ServiceEntry {
  const { environment = '', appId = '', serviceName = '', alias } = record
  const entry: ServiceEntry = {
    record,
    tenant,
    nameKey: nameKey(environment, appId, serviceName),
    aliasKey: alias ? nameKey(environment, appId, alias) : undefined,
    tags: new Map(),
    schemaStore: undefined,
    schemas: new Map(),
    instances: new Map(),
    modRevision: core.revisions.next(),
    removed: false,
  }
  tenant.byId.set(record.serviceId!, entry)
  tenant.byIdentity.set(serviceIdentityKey(record), entry)
  addToIndex(tenant.byName, entry.nameKey, entry)
  if (entry.aliasKey) addToIndex(tenant.byAlias, entry.aliasKey, entry)
  return entry
}

/**
 * Creates the per-service collections lazily; most services never get schemas.
 * @example
 * const store = schemaStoreOf(core, entry)
 */
export function schemaStoreOf(core: RegistryCore, entry: ServiceEntry) {
  entry.schemaStore ??= new Collection({ schema: core.schemas.schema })
  return entry.schemaStore
}

/**
 * `GET /registry/microservices`: every service of the tenant, or `{}`. The shared
 * SERVICECENTER of `default/default` is listed only with `withShared`, as Service Center does.
 * @example
 * listServices(core, ctx).services
 */
export function listServices(
  core: RegistryCore,
  ctx: RequestContext,
  q?: { withShared?: boolean | undefined },
): { services?: MicroService[] } {
  const tenant = findTenant(core, ctx)
  const services: MicroService[] = []
  for (const entry of tenant?.byId.values() ?? []) {
    if (q?.withShared || !isOwnService(entry)) services.push(omitEmpty(entry.record))
  }
  return services.length ? { services } : {}
}

/**
 * `GET /registry/microservices/{serviceId}`.
 * @example
 * getService(core, ctx, serviceId).service.serviceName
 */
export function getService(
  core: RegistryCore,
  ctx: RequestContext,
  serviceId: string,
): { service: MicroService } {
  return { service: omitEmpty(requireService(core, ctx, serviceId).record) }
}

/**
 * `PUT …/properties`: replaces the whole map (none clears it) and sets `modTimestamp` (§4.6).
 * Properties feed the cross-app rule, so the revision stamp moves too.
 * @example
 * await updateServiceProperties(core, ctx, serviceId, { allowCrossApp: 'true' })
 */
export async function updateServiceProperties(
  core: RegistryCore,
  ctx: RequestContext,
  serviceId: string,
  properties: Record<string, string> | undefined,
): Promise<void> {
  const entry = requireService(core, ctx, serviceId)
  entry.record = await rewriteService(core, entry, (draft) => {
    if (properties && Object.keys(properties).length > 0) draft.properties = { ...properties }
    else delete draft.properties
    draft.modTimestamp = nowSeconds(core)
  })
  entry.modRevision = core.revisions.next()
}

/**
 * Rewrites a service record through its collection and returns the new record.
 * @example
 * entry.record = await rewriteService(core, entry, (draft) => { draft.description = 'x' })
 */
export async function rewriteService(
  core: RegistryCore,
  entry: ServiceEntry,
  mutate: (draft: MicroService) => void,
): Promise<MicroService> {
  // SERVICECENTER's own record lives outside the collections and nothing rewrites it: an edit
  // answers as for a missing record.
  if (isOwnService(entry)) throw new RegistryError('400012', 'Service does not exist.')
  const next = await updateRecord(entry.tenant.services, core.schemas.service, entry.record, mutate)
  if (!next || entry.removed) throw new RegistryError('400012', 'Service does not exist.')
  return next
}
