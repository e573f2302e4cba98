import type { components } from '../generated/schema.ts'

type MicroService = components['schemas']['MicroService']
type MicroServiceInstance = components['schemas']['MicroServiceInstance']
type MicroServiceKey = components['schemas']['MicroServiceKey']
type Schema = components['schemas']['Schema']

/** The format tag every snapshot carries; bumped on incompatible changes. */
export const SNAPSHOT_FORMAT = 'cse-mock/snapshot@1'

/**
 * A whole registry as plain JSON: what `snapshot()` returns, `restore()` takes and
 * `fixtures/*.json` hold. Leases are not part of it: restoring gives every instance a full TTL.
 * @example
 * const snap: Snapshot = { format: SNAPSHOT_FORMAT, tenants: [] }
 */
export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT
  /** Free text shown by tools that list fixtures. */
  description?: string
  tenants: SnapshotTenant[]
}

/** One tenant: `domain` is the X-Domain-Name (or `default`), `project` the path segment. */
export interface SnapshotTenant {
  domain: string
  project: string
  services: SnapshotService[]
  /** Dependency rules recorded by discovery or the dependencies API, by consumer. */
  dependencies: SnapshotDependency[]
}

/** A service with everything that hangs off it. */
export interface SnapshotService {
  /** The stored service, `serviceId` and timestamps included. */
  service: MicroService
  tags?: Record<string, string>
  schemas?: Schema[]
  /** Stored instances, `instanceId`, `healthCheck` and timestamps included. */
  instances?: MicroServiceInstance[]
}

/** The providers one consumer depends on. `version` holds the rule (`0.0.0+` = all versions). */
export interface SnapshotDependency {
  consumerId: string
  providers: MicroServiceKey[]
}
