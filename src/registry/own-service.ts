import { ensureTenant, nowSeconds, type RegistryCore } from './core.ts'
import { serviceIdFor } from './ids.ts'
import { addInstanceSlot } from './instances.ts'
import { DEFAULT_HEALTH_CHECK } from './leases.ts'
import type { MicroService, MicroServiceInstance } from './model.ts'
import { indexService } from './services.ts'
import type { ServiceEntry, TenantState } from './tenant.ts'

/** The version the mock reports and registers itself under, as Service Center 2.2.0 does. */
export const OWN_VERSION = '2.2.0'

/**
 * The service Service Center registers for itself at start-up, in the `default/default` tenant
 * (its `RegistryDomain`/`RegistryProject`), under the `development` environment of its default
 * `dev` profile. It is a shared ("global") service: listed only with `withShared=true`, found
 * by discovery whatever environment is asked for, and never deleted.
 * @example
 * OWN_SERVICE.serviceName // 'SERVICECENTER'
 */
export const OWN_SERVICE = {
  domain: 'default',
  project: 'default',
  environment: 'development',
  appId: 'default',
  serviceName: 'SERVICECENTER',
  alias: 'SERVICECENTER',
  version: OWN_VERSION,
} as const

/**
 * The serviceId of the mock's own service: the same as Service Center's for the same version.
 * @example
 * OWN_SERVICE_ID.length // 40
 */
export const OWN_SERVICE_ID = serviceIdFor(OWN_SERVICE)

/**
 * Where the mock's own instance says it is: `rest://<host>:<port>/` of the listening address
 * (the standalone server sets it once it listens); Service Center's defaults in-process.
 * @example
 * const own: OwnIdentity = { instanceId: newInstanceId(), hostName: 'cse-mock', endpoint: 'rest://127.0.0.1:30100/' }
 */
export interface OwnIdentity {
  readonly instanceId: string
  hostName: string
  endpoint: string
}

/**
 * Whether a stored service is the mock's own SERVICECENTER.
 * @example
 * isOwnService(entry) // true for SERVICECENTER in default/default
 */
export function isOwnService(entry: ServiceEntry): boolean {
  return entry.record.serviceId === OWN_SERVICE_ID && entry.tenant.key === OWN_TENANT_KEY
}

/**
 * Whether a discovery for `appId`/`serviceName` in this tenant asks for a shared service (only
 * SERVICECENTER, in `default/default`), which Service Center looks up in its own environment.
 * @example
 * isSharedName(tenantKey, 'default', 'SERVICECENTER') // true in default/default
 */
export function isSharedName(tenantKey: string, appId: string, serviceName: string): boolean {
  return (
    tenantKey === OWN_TENANT_KEY &&
    appId === OWN_SERVICE.appId &&
    (serviceName === OWN_SERVICE.serviceName || serviceName === OWN_SERVICE.alias)
  )
}

const OWN_TENANT_KEY = `${OWN_SERVICE.domain}/${OWN_SERVICE.project}`

/**
 * Registers SERVICECENTER and its one instance in a fresh store, as Service Center does when
 * it starts. Synchronous, so a registry is never seen without it: the records are indexed but
 * kept out of the services' collection, and the instance's lease never expires (Service Center
 * heartbeats itself). Nothing else writes them: updates answer as for a missing record.
 * @example
 * installOwnService(core)
 */
export function installOwnService(core: RegistryCore): void {
  const tenant = ensureTenant(core, OWN_SERVICE)
  const stamp = nowSeconds(core)
  const record: MicroService = {
    serviceId: OWN_SERVICE_ID,
    environment: OWN_SERVICE.environment,
    appId: OWN_SERVICE.appId,
    serviceName: OWN_SERVICE.serviceName,
    alias: OWN_SERVICE.alias,
    version: OWN_SERVICE.version,
    level: 'BACK',
    status: 'UP',
    properties: { allowCrossApp: 'true' },
    timestamp: stamp,
    modTimestamp: stamp,
  }
  const entry = indexService(core, tenant, record)
  const slot = addInstanceSlot(core, entry, ownInstance(core, stamp), core.clock.now())
  core.leases.revoke(slot.lease)
}

/**
 * Moves the own instance to a new endpoint and host name (the server calls it once it listens).
 * @example
 * updateOwnInstance(core, { endpoint: 'rest://127.0.0.1:41234/', hostName: 'build-7' })
 */
export function updateOwnInstance(
  core: RegistryCore,
  where: { endpoint: string; hostName?: string | undefined },
): void {
  core.own.endpoint = where.endpoint
  if (where.hostName) core.own.hostName = where.hostName
  const entry = core.tenants.get(OWN_TENANT_KEY)?.byId.get(OWN_SERVICE_ID)
  const slot = entry?.instances.get(core.own.instanceId)
  if (!entry || !slot) return
  slot.record = ownInstance(core, slot.record.timestamp ?? nowSeconds(core))
  slot.modRevision = core.revisions.next()
  entry.modRevision = slot.modRevision
}

/**
 * The instances of SERVICECENTER, as `GET /registry/health` answers them from any tenant.
 * @example
 * ownInstances(core) // [{ serviceId: OWN_SERVICE_ID, endpoints: ['rest://127.0.0.1:30100/'], … }]
 */
export function ownInstances(core: RegistryCore): MicroServiceInstance[] {
  const entry = core.tenants.get(OWN_TENANT_KEY)?.byId.get(OWN_SERVICE_ID)
  return [...(entry?.instances.values() ?? [])].map((slot) => slot.record)
}

/**
 * Whether a tenant holds nothing the user put there (only the own service, no dependencies):
 * snapshots and stats leave such a tenant out.
 * @example
 * holdsOnlyOwnService(tenant)
 */
export function holdsOnlyOwnService(tenant: TenantState): boolean {
  if (tenant.key !== OWN_TENANT_KEY || tenant.dependencies.size > 0) return false
  for (const entry of tenant.byId.values()) if (!isOwnService(entry)) return false
  return true
}

/**
 * How many services and instances of a tenant count against its quotas: Service Center does
 * not charge its own registration to the tenant.
 * @example
 * quotaUse(tenant).services
 */
export function quotaUse(tenant: TenantState): { services: number; instances: number } {
  const own = tenant.key === OWN_TENANT_KEY ? tenant.byId.get(OWN_SERVICE_ID) : undefined
  return {
    services: tenant.byId.size - (own ? 1 : 0),
    instances: tenant.instanceCount - (own?.instances.size ?? 0),
  }
}

function ownInstance(core: RegistryCore, timestamp: string): MicroServiceInstance {
  // In the order Service Center's record has its fields, so the JSON reads alike.
  return {
    instanceId: core.own.instanceId,
    serviceId: OWN_SERVICE_ID,
    endpoints: [core.own.endpoint],
    hostName: core.own.hostName,
    status: 'UP',
    healthCheck: { ...DEFAULT_HEALTH_CHECK },
    timestamp,
    modTimestamp: nowSeconds(core),
    version: OWN_SERVICE.version,
  }
}
