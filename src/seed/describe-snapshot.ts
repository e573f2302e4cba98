import type { Snapshot } from '../registry/snapshot.ts'

/**
 * How much a snapshot holds. `tags` counts key/value pairs, `schemas` schema documents and
 * `dependencies` consumer → provider rules (one per provider entry), all tenants together.
 * @example
 * const counts: SnapshotCounts = { tenants: 1, services: 6, instances: 12, tags: 12, schemas: 6, dependencies: 4 }
 */
export interface SnapshotCounts {
  tenants: number
  services: number
  instances: number
  tags: number
  schemas: number
  dependencies: number
}

/**
 * Counts what a snapshot holds, for listings, docs and sanity checks.
 * @example
 * describeSnapshot(createSeedSnapshot()).instances // 24
 */
export function describeSnapshot(snapshot: Snapshot): SnapshotCounts {
  const counts: SnapshotCounts = {
    tenants: snapshot.tenants.length,
    services: 0,
    instances: 0,
    tags: 0,
    schemas: 0,
    dependencies: 0,
  }
  for (const tenant of snapshot.tenants) {
    counts.services += tenant.services.length
    for (const entry of tenant.services) {
      counts.instances += entry.instances?.length ?? 0
      counts.tags += Object.keys(entry.tags ?? {}).length
      counts.schemas += entry.schemas?.length ?? 0
    }
    for (const dependency of tenant.dependencies) counts.dependencies += dependency.providers.length
  }
  return counts
}
