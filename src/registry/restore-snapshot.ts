import { emptyStore, ensureTenant, type RegistryCore } from './core.ts'
import { ALL_VERSIONS, recordDependency } from './dependencies.ts'
import { RegistryError, RegistryUsageError } from './errors.ts'
import { addInstanceSlot } from './instances.ts'
import type { MicroServiceInstance } from './model.ts'
import { omitEmpty } from './output.ts'
import { installOwnService, OWN_SERVICE_ID, quotaUse } from './own-service.ts'
import { indexService, schemaStoreOf } from './services.ts'
import { SNAPSHOT_FORMAT, type Snapshot, type SnapshotService } from './snapshot.ts'
import { checkRecord, insertRecord } from './store.ts'
import { nameKey, serviceIdentityKey, type TenantState } from './tenant.ts'

/**
 * The most records (services, instances, schemas and tags, over all tenants) a snapshot may
 * hold: the registry keeps everything in memory, and a restore runs to the end before anything
 * else is answered. A million is past every fixture and seed the docs describe.
 */
export const MAX_SNAPSHOT_RECORDS = 1_000_000

/**
 * Builds a new store from a snapshot without touching the current one, so a bad snapshot
 * leaves the registry as it was. Every instance gets a full lease from the clock's now.
 * @example
 * Object.assign(core, await restoreSnapshot(core, snapshot))
 */
export async function restoreSnapshot(
  core: RegistryCore,
  snapshot: Snapshot,
): Promise<Pick<RegistryCore, 'tenants' | 'leases' | 'parts'>> {
  const format = (snapshot as { format?: unknown } | undefined)?.format
  if (format !== SNAPSHOT_FORMAT) {
    throw new RegistryUsageError(
      'ERR_SNAPSHOT_FORMAT',
      `Failed to restore the registry: the snapshot format is ${JSON.stringify(format)}, not "${SNAPSHOT_FORMAT}". Pass a value made by snapshot() or a fixture in that format.`,
    )
  }
  if (!Array.isArray(snapshot.tenants)) invalid('`tenants` is not an array')
  countRecords(snapshot)
  const target: RegistryCore = { ...core, ...emptyStore() }
  installOwnService(target)
  for (const source of snapshot.tenants) {
    const tenant = ensureTenant(target, { domain: source.domain, project: source.project })
    for (const service of source.services ?? []) {
      // A snapshot written from a registry's own dump may carry SERVICECENTER: it is there already.
      if (service.service?.serviceId === OWN_SERVICE_ID && tenant.byId.has(OWN_SERVICE_ID)) continue
      await restoreService(target, tenant, service)
    }
    checkTenantQuotas(target, tenant)
    for (const { consumerId, providers } of source.dependencies ?? []) {
      if (!tenant.byId.has(consumerId))
        invalid(`dependency consumer ${consumerId} of tenant ${tenant.key} is not a service`)
      for (const provider of providers ?? []) {
        recordDependency(tenant, consumerId, {
          environment: provider.environment ?? '',
          appId: provider.appId ?? '',
          serviceName: provider.serviceName,
          version: provider.version || ALL_VERSIONS,
        })
      }
    }
  }
  return { tenants: target.tenants, leases: target.leases, parts: target.parts }
}

async function restoreService(
  core: RegistryCore,
  tenant: TenantState,
  source: SnapshotService,
): Promise<void> {
  const serviceId = source.service?.serviceId
  if (!serviceId) invalid(`a service of tenant ${tenant.key} has no serviceId`)
  if (tenant.byId.has(serviceId))
    invalid(`service ${serviceId} appears twice in tenant ${tenant.key}`)
  const record = await checked(`service ${serviceId}`, () =>
    insertRecord(tenant.services, core.schemas.service, omitEmpty(source.service)),
  )
  checkUnique(tenant, record)
  const entry = indexService(core, tenant, record)
  entry.tags = new Map(Object.entries(source.tags ?? {}))
  if (entry.tags.size > core.quotas.tags) {
    invalid(
      `service ${serviceId} has ${entry.tags.size} tags, over the quota of ${core.quotas.tags}`,
    )
  }
  if ((source.schemas?.length ?? 0) > core.quotas.schemas) {
    invalid(`service ${serviceId} has more than ${core.quotas.schemas} schemas (the quota)`)
  }
  for (const schema of source.schemas ?? []) {
    const stored = await checked(`schema ${schema.schemaId} of service ${serviceId}`, () =>
      insertRecord(schemaStoreOf(core, entry), core.schemas.schema, omitEmpty(schema)),
    )
    entry.schemas.set(stored.schemaId, stored)
  }
  const now = core.clock.now()
  for (const instance of source.instances ?? []) {
    const instanceId = instance.instanceId
    if (!instanceId) invalid(`an instance of service ${serviceId} has no instanceId`)
    if (entry.instances.has(instanceId))
      invalid(`instance ${instanceId} appears twice in service ${serviceId}`)
    const value = omitEmpty<MicroServiceInstance>({
      ...instance,
      serviceId,
      version: record.version ?? '',
    })
    await checked(`instance ${instanceId}`, () => checkRecord(core.schemas.instance, value))
    addInstanceSlot(core, entry, value, now)
  }
}

/**
 * The invariants `createService` keeps: one service per (environment, appId, serviceName,
 * version), and an alias used by one service per version. A snapshot breaking them would make
 * existence, discovery and create disagree about which service a name means.
 */
function checkUnique(tenant: TenantState, record: SnapshotService['service']): void {
  const identity = serviceIdentityKey(record)
  const twin = tenant.byIdentity.get(identity)
  if (twin) {
    invalid(
      `services ${twin.record.serviceId} and ${record.serviceId} of tenant ${tenant.key} have the same environment, appId, serviceName and version`,
    )
  }
  const { alias, environment = '', appId = '', version } = record
  if (!alias) return
  for (const other of tenant.byAlias.get(nameKey(environment, appId, alias)) ?? []) {
    if (other.record.version === version) {
      invalid(
        `services ${other.record.serviceId} and ${record.serviceId} of tenant ${tenant.key} share the alias ${JSON.stringify(alias)} in version ${version}`,
      )
    }
  }
}

function checkTenantQuotas(core: RegistryCore, tenant: TenantState): void {
  // The registry's own SERVICECENTER does not count, as in every other quota check.
  const { services, instances } = quotaUse(tenant)
  if (services > core.quotas.services) {
    invalid(
      `tenant ${tenant.key} has ${services} services, over the quota of ${core.quotas.services}`,
    )
  }
  if (instances > core.quotas.instances) {
    invalid(
      `tenant ${tenant.key} has ${instances} instances, over the quota of ${core.quotas.instances}`,
    )
  }
}

/** Refuses an oversized snapshot before any of it is stored. */
function countRecords(snapshot: Snapshot): void {
  let records = 0
  for (const tenant of snapshot.tenants) {
    for (const service of tenant.services ?? []) {
      records += 1 + (service.instances?.length ?? 0) + (service.schemas?.length ?? 0)
      records += Object.keys(service.tags ?? {}).length
    }
  }
  if (records > MAX_SNAPSHOT_RECORDS) {
    invalid(
      `it holds ${records} records (services, instances, schemas and tags), over the limit of ${MAX_SNAPSHOT_RECORDS}`,
    )
  }
}

async function checked<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof RegistryError) invalid(`${what} is invalid (${error.detail})`)
    throw error
  }
}

function invalid(reason: string): never {
  throw new RegistryUsageError(
    'ERR_SNAPSHOT_INVALID',
    `Failed to restore the registry: ${reason}. Fix the snapshot, or make it again with snapshot().`,
  )
}
