import type { components } from '../generated/schema.ts'
import type { AccountLock, Role, StoredAccount } from './rbac/model.ts'

type MicroService = components['schemas']['MicroService']
type MicroServiceInstance = components['schemas']['MicroServiceInstance']
type MicroServiceKey = components['schemas']['MicroServiceKey']
type Schema = components['schemas']['Schema']

/**
 * The format tag every snapshot carries; bumped on incompatible changes.
 * @example
 * if (snapshot.format !== SNAPSHOT_FORMAT) throw new Error('unknown snapshot format')
 */
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
  /**
   * Accounts (passwords as hashes) and roles when RBAC is on. Restoring a snapshot without it
   * keeps the accounts and roles the registry has.
   */
  rbac?: SnapshotRbac
}

/**
 * The RBAC part of a snapshot: accounts with hashed passwords, every role, and the
 * login-failure locks not released yet.
 * @example
 * const rbac: SnapshotRbac = { accounts: [], roles: [], locks: [{ key: 'dev::10.0.0.7', status: 'banned', releaseAt: 1767226500 }] }
 */
export interface SnapshotRbac {
  accounts: StoredAccount[]
  roles: Role[]
  /**
   * Locks of `GET /v4/account-locks` with their release time (Unix seconds). Optional: a
   * snapshot without it keeps the locks the registry has.
   */
  locks?: Required<AccountLock>[]
}

/**
 * One tenant: `domain` is the X-Domain-Name (or `default`), `project` the path segment.
 * @example
 * const tenant: SnapshotTenant = { domain: 'default', project: 'default', services: [], dependencies: [] }
 */
export interface SnapshotTenant {
  domain: string
  project: string
  services: SnapshotService[]
  /** Dependency rules recorded by discovery or the dependencies API, by consumer. */
  dependencies: SnapshotDependency[]
}

/**
 * A service with everything that hangs off it.
 * @example
 * const entry: SnapshotService = { service: { serviceId: 'abc', serviceName: 'cart' }, tags: { canary: 'true' } }
 */
export interface SnapshotService {
  /** The stored service, `serviceId` and timestamps included. */
  service: MicroService
  tags?: Record<string, string>
  schemas?: Schema[]
  /** Stored instances, `instanceId`, `healthCheck` and timestamps included. */
  instances?: MicroServiceInstance[]
}

/**
 * The providers one consumer depends on. `version` holds the rule (`0.0.0+` = all versions).
 * @example
 * const dependency: SnapshotDependency = { consumerId: 'abc', providers: [{ appId: 'shop', serviceName: 'cart', version: '0.0.0+' }] }
 */
export interface SnapshotDependency {
  consumerId: string
  providers: MicroServiceKey[]
}
