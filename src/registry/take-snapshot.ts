import type { RegistryCore } from './core.ts'
import type { MicroServiceKey } from './model.ts'
import { omitEmpty } from './output.ts'
import { holdsOnlyOwnService, isOwnService } from './own-service.ts'
import {
  SNAPSHOT_FORMAT,
  type Snapshot,
  type SnapshotDependency,
  type SnapshotService,
  type SnapshotTenant,
} from './snapshot.ts'
import type { ServiceEntry, TenantState } from './tenant.ts'

/**
 * The whole registry as plain JSON (leases are not part of it, nor the registry's own
 * SERVICECENTER, which every registry registers for itself).
 * @example
 * const snapshot = takeSnapshot(core)
 */
export function takeSnapshot(core: RegistryCore): Snapshot {
  return {
    format: SNAPSHOT_FORMAT,
    tenants: [...core.tenants.values()].filter((t) => !holdsOnlyOwnService(t)).map(tenantOf),
  }
}

function tenantOf(tenant: TenantState): SnapshotTenant {
  const dependencies: SnapshotDependency[] = []
  for (const [consumerId, rules] of tenant.dependencies) {
    const providers = [...rules.values()].map((rule) => omitEmpty<MicroServiceKey>({ ...rule }))
    dependencies.push({ consumerId, providers })
  }
  return {
    domain: tenant.domain,
    project: tenant.project,
    services: [...tenant.byId.values()].filter((e) => !isOwnService(e)).map(serviceOf),
    dependencies,
  }
}

function serviceOf(entry: ServiceEntry): SnapshotService {
  const service: SnapshotService = { service: omitEmpty(entry.record) }
  if (entry.tags.size) service.tags = Object.fromEntries(entry.tags)
  if (entry.schemas.size) service.schemas = [...entry.schemas.values()].map((s) => omitEmpty(s))
  if (entry.instances.size) {
    service.instances = [...entry.instances.values()].map((slot) => omitEmpty(slot.record))
  }
  return service
}
