import type { RegistryCore } from './core.ts'
import type { MicroService, MicroServiceInstance, MicroServiceKey } from './model.ts'
import { omitEmpty } from './output.ts'
import { holdsOnlyOwnService, isOwnService } from './own-service.ts'
import type { ServiceEntry, TenantState } from './tenant.ts'

/**
 * The whole registry as the inspector shows it: the snapshot's content plus each instance's
 * lease deadline, and schema summaries instead of their (possibly large) bodies.
 * @example
 * const view: RegistryInspection = registry.inspect()
 * view.tenants[0]?.services[0]?.instances[0]?.leaseExpiresAt
 */
export interface RegistryInspection {
  /** The registry clock's time when the view was taken, in ms. */
  now: number
  tenants: InspectedTenant[]
}

/**
 * One tenant of a {@link RegistryInspection}.
 * @example
 * const tenant: InspectedTenant = { domain: 'default', project: 'default', services: [], dependencies: [] }
 */
export interface InspectedTenant {
  domain: string
  project: string
  services: InspectedService[]
  dependencies: { consumerId: string; providers: MicroServiceKey[] }[]
}

/**
 * One service of a {@link RegistryInspection}, with its tags, schema summaries and instances.
 * @example
 * const entry: InspectedService = { service: { serviceId: 'abc' }, tags: {}, schemas: [], instances: [] }
 */
export interface InspectedService {
  service: MicroService
  tags: Record<string, string>
  schemas: { schemaId: string; summary?: string; length: number }[]
  instances: InspectedInstance[]
}

/**
 * A stored instance with the time its lease runs out (registry clock, ms).
 * @example
 * const instance: InspectedInstance = { instanceId: 'i1', leaseExpiresAt: 1_700_000_120_000 }
 */
export type InspectedInstance = MicroServiceInstance & { leaseExpiresAt: number }

/**
 * Builds the inspection view of a registry's state.
 * @example
 * const view = takeInspection(core)
 */
export function takeInspection(core: RegistryCore): RegistryInspection {
  // Like snapshots and stats, the view leaves out the registry's own SERVICECENTER service.
  const tenants = [...core.tenants.values()].filter((tenant) => !holdsOnlyOwnService(tenant))
  return { now: core.clock.now(), tenants: tenants.map(tenantOf) }
}

function tenantOf(tenant: TenantState): InspectedTenant {
  const dependencies: InspectedTenant['dependencies'] = []
  for (const [consumerId, rules] of tenant.dependencies) {
    const providers = [...rules.values()].map((rule) => omitEmpty<MicroServiceKey>({ ...rule }))
    dependencies.push({ consumerId, providers })
  }
  return {
    domain: tenant.domain,
    project: tenant.project,
    services: [...tenant.byId.values()].filter((entry) => !isOwnService(entry)).map(serviceOf),
    dependencies,
  }
}

function serviceOf(entry: ServiceEntry): InspectedService {
  const schemas: InspectedService['schemas'] = []
  for (const schema of entry.schemas.values()) {
    const summary = schema.summary ? { summary: schema.summary } : {}
    schemas.push({
      schemaId: schema.schemaId ?? '',
      ...summary,
      length: schema.schema?.length ?? 0,
    })
  }
  const instances: InspectedInstance[] = []
  for (const slot of entry.instances.values()) {
    instances.push({ ...omitEmpty(slot.record), leaseExpiresAt: slot.lease.expiresAt })
  }
  return {
    service: omitEmpty(entry.record),
    tags: Object.fromEntries(entry.tags),
    schemas,
    instances,
  }
}
