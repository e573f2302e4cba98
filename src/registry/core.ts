import type { Clock } from './clock.ts'
import { RegistryError } from './errors.ts'
import { LeaseTable } from './leases.ts'
import type { OwnIdentity } from './own-service.ts'
import type { ProfileRules } from './profile.ts'
import type { Caller } from './rbac/model.ts'
import type { RevisionCounter } from './revisions.ts'
import { SharedParts } from './shared-parts.ts'
import {
  createTenant,
  type RecordSchemas,
  type ServiceEntry,
  type TenantState,
  tenantKey,
} from './tenant.ts'
import type { WatchHub } from './watch.ts'

/**
 * Who is asking: the tenant (`X-Domain-Name` or `default`, and the path's project) and the
 * `X-ConsumerId`, if any.
 * @example
 * const ctx: RequestContext = { domain: 'default', project: 'default' }
 */
export interface RequestContext {
  domain: string
  project: string
  consumerId?: string
  /** The account of the request's token when RBAC is on. */
  caller?: Caller
}

/**
 * Per-tenant limits (reference §4.1, §5.1, §8).
 * @example
 * const quotas: Quotas = { services: 50_000, instances: 150_000, tags: 100, schemas: 100 }
 */
export interface Quotas {
  services: number
  instances: number
  tags: number
  schemas: number
}

/**
 * The state and collaborators every registry operation works on.
 * @example
 * const tenant = findTenant(core, ctx)
 */
export interface RegistryCore {
  rules: Readonly<ProfileRules>
  readonly clock: Clock
  readonly quotas: Quotas
  readonly schemas: RecordSchemas
  readonly revisions: RevisionCounter
  readonly watchers: WatchHub
  /** The mock's own SERVICECENTER instance: its id and where it says it is. */
  readonly own: OwnIdentity
  tenants: Map<string, TenantState>
  leases: LeaseTable
  /** The small parts stored instances share (health checks, data centres). */
  parts: SharedParts
}

/**
 * A fresh, empty store: tenants, leases and shared parts (what `reset()` swaps out).
 * @example
 * Object.assign(core, emptyStore())
 */
export function emptyStore(): Pick<RegistryCore, 'tenants' | 'leases' | 'parts'> {
  return { tenants: new Map(), leases: new LeaseTable(), parts: new SharedParts() }
}

/**
 * The tenant of a request, or `undefined` when it holds nothing yet (reads never create one).
 * @example
 * findTenant(core, ctx)?.byId.get(serviceId)
 */
export function findTenant(core: RegistryCore, ctx: RequestContext): TenantState | undefined {
  return core.tenants.get(tenantKey(ctx))
}

/**
 * The tenant of a request, created on first write.
 * @example
 * const tenant = ensureTenant(core, ctx)
 */
export function ensureTenant(core: RegistryCore, ctx: RequestContext): TenantState {
  const key = tenantKey(ctx)
  let tenant = core.tenants.get(key)
  if (!tenant) {
    tenant = createTenant(ctx, core.schemas)
    core.tenants.set(key, tenant)
  }
  return tenant
}

/**
 * The service with this id in the request's tenant, or 400012.
 * @example
 * const entry = requireService(core, ctx, serviceId)
 */
export function requireService(
  core: RegistryCore,
  ctx: RequestContext,
  serviceId: string,
  detail = 'Service does not exist.',
): ServiceEntry {
  const entry = findTenant(core, ctx)?.byId.get(serviceId)
  if (!entry) throw new RegistryError('400012', detail)
  return entry
}

/**
 * The consumer named by `X-ConsumerId`: `undefined` without the header, 400012 when it does
 * not exist in the tenant (reference §5.10 step 2).
 * @example
 * const consumer = resolveConsumer(core, ctx)
 */
export function resolveConsumer(core: RegistryCore, ctx: RequestContext): ServiceEntry | undefined {
  if (!ctx.consumerId) return undefined
  return requireService(core, ctx, ctx.consumerId, `Consumer[${ctx.consumerId}] does not exist.`)
}

/**
 * An environment as the registry reads it: empty or absent means the profile's default, as Go
 * cannot tell an empty string from a missing one.
 * @example
 * environmentOf(core, undefined) // 'development' in the cse profile
 */
export function environmentOf(core: RegistryCore, environment: string | undefined): string {
  return environment || core.rules.defaultEnvironment
}

/**
 * Unix seconds from the registry's clock, as the registry's timestamps are written.
 * @example
 * nowSeconds(core) // '1723540000'
 */
export function nowSeconds(core: RegistryCore): string {
  return String(Math.floor(core.clock.now() / 1000))
}
