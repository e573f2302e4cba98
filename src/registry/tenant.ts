import { Collection } from '@msw/data'
import type { StandardSchemaV1 } from '@standard-schema/spec'
import type { EndpointIndex } from './endpoint-index.ts'
import type { Lease } from './leases.ts'
import type { MicroService, MicroServiceInstance, Schema } from './model.ts'

/**
 * The Standard Schemas stored records are checked with (by the collections, and by the
 * registry itself for instances).
 * @example
 * const schemas: RecordSchemas = { service, instance, schema }
 */
export interface RecordSchemas {
  service: StandardSchemaV1<MicroService, MicroService>
  instance: StandardSchemaV1<MicroServiceInstance, MicroServiceInstance>
  schema: StandardSchemaV1<Schema, Schema>
}

/**
 * One stored instance: its current record (a plain object the registry owns, checked against
 * the spec's `MicroServiceInstance` and never changed in place: every rewrite puts a new one
 * here), its change stamp, its lease and its key in the endpoint index.
 * @example
 * slot.record.instanceId
 */
export interface InstanceSlot {
  record: MicroServiceInstance
  modRevision: number
  lease: Lease
  /** Its key in the endpoint index (its lowest endpoint), if it has endpoints. */
  endpointKey: string | undefined
  /** Set once deleted or expired, for operations that awaited meanwhile. */
  removed: boolean
}

/**
 * One service with everything that hangs off it. Its instances are the registry's own records
 * in `instances` (docs/design.md says why they are not in `@msw/data`); its schemas live in a
 * collection of their own per service, because `@msw/data` locates a record by a linear scan
 * on update and delete: per service, that scan stays as short as the service is small.
 * @example
 * entry.record.serviceName
 */
export interface ServiceEntry {
  record: MicroService
  readonly tenant: TenantState
  /** (environment, appId, serviceName): the discovery and dependency key. */
  readonly nameKey: string
  /** (environment, appId, alias) when the service has an alias. */
  readonly aliasKey: string | undefined
  tags: Map<string, string>
  schemaStore: Collection<StandardSchemaV1<Schema, Schema>> | undefined
  schemas: Map<string, Schema>
  /** instanceId → instance: the instance store. */
  instances: Map<string, InstanceSlot>
  /** Highest change stamp of the service, its tags, properties and instances. */
  modRevision: number
  removed: boolean
}

/**
 * What one tenant (`domain/project`) holds, with the indexes that keep lookups off the
 * collections' linear scans.
 * @example
 * tenant.byId.get(serviceId)
 */
export interface TenantState {
  readonly key: string
  readonly domain: string
  readonly project: string
  readonly services: Collection<StandardSchemaV1<MicroService, MicroService>>
  readonly byId: Map<string, ServiceEntry>
  /** (environment, appId, serviceName, version) → service. */
  readonly byIdentity: Map<string, ServiceEntry>
  /** (environment, appId, serviceName) → every version. */
  readonly byName: Map<string, Set<ServiceEntry>>
  /** (environment, appId, alias) → every version carrying the alias. */
  readonly byAlias: Map<string, Set<ServiceEntry>>
  /** Endpoint key → the instances using it (reference §5.1, the `cse` profile's de-duplication). */
  readonly endpoints: EndpointIndex
  /** Consumer serviceId → provider nameKey → recorded rule. */
  readonly dependencies: Map<string, Map<string, ProviderRule>>
  /** Provider nameKey → consumer serviceIds. */
  readonly consumersOf: Map<string, Set<string>>
  instanceCount: number
}

/**
 * A recorded dependency on a provider: its name key plus the version rule (`0.0.0+` = all).
 * @example
 * const rule: ProviderRule = { environment: '', appId: 'shop', serviceName: 'cart', version: '0.0.0+' }
 */
export interface ProviderRule {
  environment: string
  appId: string
  serviceName: string
  version: string
}

/**
 * The key of a tenant: `domain/project`, each half with `%` and `/` percent-encoded so the key
 * names one tenant only (`a/b` + `c` and `a` + `b/c` would otherwise share a key, and so all
 * their services). Names without either character, the usual ones, are kept as they are.
 * @example
 * tenantKey({ domain: 'default', project: 'default' }) // 'default/default'
 * tenantKey({ domain: 'a/b', project: 'c' }) // 'a%2Fb/c'
 */
export function tenantKey(ctx: { domain: string; project: string }): string {
  const { domain, project } = ctx
  // Nearly every call names the tenant the last one did: the same flat string, whose hash the
  // tenant map has already computed, instead of a new one to build and hash.
  if (domain !== lastDomain || project !== lastProject) {
    lastKey = `${keyPart(domain)}/${keyPart(project)}`
    lastDomain = domain
    lastProject = project
  }
  return lastKey
}

let lastDomain: string | undefined
let lastProject: string | undefined
let lastKey = ''

function keyPart(name: string): string {
  if (!name.includes('/') && !name.includes('%')) return name
  return name.replaceAll('%', '%25').replaceAll('/', '%2F')
}

/**
 * The discovery key of a name (or alias) within a tenant.
 * @example
 * nameKey('', 'shop', 'cart')
 */
export function nameKey(environment: string, appId: string, serviceName: string): string {
  return `${environment}\u0000${appId}\u0000${serviceName}`
}

/**
 * The identity key of a service within a tenant (reference §2.1).
 * @example
 * identityKey('', 'shop', 'cart', '1.0.0')
 */
export function identityKey(
  environment: string,
  appId: string,
  serviceName: string,
  version: string,
): string {
  return `${nameKey(environment, appId, serviceName)}\u0000${version}`
}

/**
 * The identity key of a stored service record.
 * @example
 * serviceIdentityKey(entry.record)
 */
export function serviceIdentityKey(service: MicroService): string {
  const { environment = '', appId = '', serviceName = '', version = '' } = service
  return identityKey(environment, appId, serviceName, version)
}

/**
 * The version of a stored service (always set: creation defaults it).
 * @example
 * sortNewestFirst(versions, versionOf)
 */
export function versionOf(entry: ServiceEntry): string {
  return entry.record.version ?? ''
}

/**
 * An empty tenant.
 * @example
 * const tenant = createTenant({ domain: 'default', project: 'default' }, schemas)
 */
export function createTenant(
  ctx: { domain: string; project: string },
  schemas: RecordSchemas,
): TenantState {
  return {
    key: tenantKey(ctx),
    domain: ctx.domain,
    project: ctx.project,
    services: new Collection({ schema: schemas.service }),
    byId: new Map(),
    byIdentity: new Map(),
    byName: new Map(),
    byAlias: new Map(),
    endpoints: new Map() as EndpointIndex,
    dependencies: new Map(),
    consumersOf: new Map(),
    instanceCount: 0,
  }
}

/**
 * Adds `value` to the set stored under `key`.
 * @example
 * addToIndex(tenant.byName, entry.nameKey, entry)
 */
export function addToIndex<K, V>(index: Map<K, Set<V>>, key: K, value: V): void {
  const set = index.get(key)
  if (set) set.add(value)
  else index.set(key, new Set([value]))
}

/**
 * Removes `value` from the set stored under `key`, dropping the set when it empties.
 * @example
 * removeFromIndex(tenant.byName, entry.nameKey, entry)
 */
export function removeFromIndex<K, V>(index: Map<K, Set<V>>, key: K, value: V): void {
  const set = index.get(key)
  if (!set) return
  set.delete(value)
  if (set.size === 0) index.delete(key)
}
