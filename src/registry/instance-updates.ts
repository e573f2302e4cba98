import { findTenant, nowSeconds, type RegistryCore, type RequestContext } from './core.ts'
import { RegistryError } from './errors.ts'
import { removeInstance, touchInstance } from './instances.ts'
import type { MicroServiceInstance } from './model.ts'
import { isOwnService } from './own-service.ts'
import { checkRecord } from './store.ts'
import type { InstanceSlot, ServiceEntry } from './tenant.ts'

const STATUSES = new Set(['UP', 'DOWN', 'STARTING', 'TESTING', 'OUTOFSERVICE'])

/**
 * The instance `(serviceId, instanceId)` of the request's tenant, or 400017; a known
 * instanceId under another serviceId is unknown too (reference §5.4).
 * @example
 * const { entry, slot } = requireInstance(core, ctx, serviceId, instanceId)
 */
export function requireInstance(
  core: RegistryCore,
  ctx: RequestContext,
  serviceId: string,
  instanceId: string,
  detail = `Instance[${serviceId}/${instanceId}] does not exist.`,
): { entry: ServiceEntry; slot: InstanceSlot } {
  const entry = findTenant(core, ctx)?.byId.get(serviceId)
  const slot = entry?.instances.get(instanceId)
  if (!entry || !slot) throw new RegistryError('400017', detail)
  return { entry, slot }
}

/**
 * `DELETE …/instances/{instanceId}`: removes the instance; watchers get `DELETE`.
 * @example
 * deregisterInstance(core, ctx, serviceId, instanceId)
 */
export function deregisterInstance(
  core: RegistryCore,
  ctx: RequestContext,
  serviceId: string,
  instanceId: string,
): void {
  const { entry, slot } = requireInstance(
    core,
    ctx,
    serviceId,
    instanceId,
    "Instance's leaseId not exist.",
  )
  // SERVICECENTER's own instance is kept out of the stores and never written: it answers
  // as an instance that is not registered.
  if (isOwnService(entry)) throw new RegistryError('400017', "Instance's leaseId not exist.")
  removeInstance(core, entry, slot)
}

/**
 * `PUT …/status?value=`: rewrites the record (modTimestamp, revision, watch `UPDATE`) but does
 * not renew the lease (reference §5.7).
 * @example
 * await updateInstanceStatus(core, ctx, serviceId, instanceId, 'DOWN')
 */
export async function updateInstanceStatus(
  core: RegistryCore,
  ctx: RequestContext,
  serviceId: string,
  instanceId: string,
  status: string,
): Promise<void> {
  if (!STATUSES.has(status)) {
    throw new RegistryError(
      '400001',
      `Invalid status '${status}': expected one of ${[...STATUSES].join(', ')}.`,
    )
  }
  const { entry, slot } = requireInstance(core, ctx, serviceId, instanceId)
  await rewriteInstance(core, entry, slot, (draft) => {
    draft.status = status as NonNullable<MicroServiceInstance['status']>
  })
}

/**
 * `PUT …/properties`: replaces the whole map; none clears it (reference §5.8).
 * @example
 * await updateInstanceProperties(core, ctx, serviceId, instanceId, { weight: '10' })
 */
export async function updateInstanceProperties(
  core: RegistryCore,
  ctx: RequestContext,
  serviceId: string,
  instanceId: string,
  properties: Record<string, string> | undefined,
): Promise<void> {
  const { entry, slot } = requireInstance(core, ctx, serviceId, instanceId)
  await rewriteInstance(core, entry, slot, (draft) => {
    if (properties && Object.keys(properties).length > 0) draft.properties = { ...properties }
    else delete draft.properties
  })
}

/**
 * `PUT /registry/instances/status` (Service Center 2.2+, §5.9): sets `status` on every
 * instance of the tenant whose properties contain all the given pairs.
 * @example
 * await updateInstancesStatus(core, ctx, { matches: { properties: { zone: 'a' } }, status: 'DOWN' })
 */
export async function updateInstancesStatus(
  core: RegistryCore,
  ctx: RequestContext,
  body: { matches?: { properties?: Record<string, string> }; status?: string },
): Promise<void> {
  const status = body?.status
  if (!status) throw new RegistryError('400001', "field 'status' is required")
  // Service Center 2.2 stores any text here (docs/compatibility.md); the mock refuses what no
  // client could read back as an instance status rather than store an invalid record.
  if (!STATUSES.has(status)) {
    throw new RegistryError(
      '400001',
      `Invalid status '${status}': expected one of ${[...STATUSES].join(', ')}.`,
    )
  }
  const wanted = Object.entries(body.matches?.properties ?? {})
  const tenant = findTenant(core, ctx)
  if (!tenant) return
  for (const entry of [...tenant.byId.values()]) {
    if (isOwnService(entry)) continue
    for (const slot of [...entry.instances.values()]) {
      const properties = slot.record.properties ?? {}
      if (slot.removed || !wanted.every(([key, value]) => properties[key] === value)) continue
      await rewriteInstance(core, entry, slot, (draft) => {
        draft.status = status as NonNullable<MicroServiceInstance['status']>
      })
    }
  }
}

async function rewriteInstance(
  core: RegistryCore,
  entry: ServiceEntry,
  slot: InstanceSlot,
  mutate: (draft: MicroServiceInstance) => void,
): Promise<void> {
  if (isOwnService(entry)) {
    throw new RegistryError(
      '400017',
      `Instance[${entry.record.serviceId}/${slot.record.instanceId}] does not exist.`,
    )
  }
  // A new record in its place, never the stored one changed: answers and watch events already
  // handed out keep what they were given. Nested objects the change leaves alone are shared.
  const next: MicroServiceInstance = { ...slot.record }
  mutate(next)
  next.modTimestamp = nowSeconds(core)
  await checkRecord(core.schemas.instance, next)
  if (slot.removed) {
    throw new RegistryError(
      '400017',
      `Instance[${entry.record.serviceId}/${slot.record.instanceId}] does not exist.`,
    )
  }
  const previous = slot.record
  slot.record = next
  touchInstance(core, entry, slot, previous)
}
