import { takeCheckedInstance } from './checked-input.ts'
import { nowSeconds, type RegistryCore, type RequestContext, requireService } from './core.ts'
import { findSameEndpoints, indexEndpoints, unindexEndpoints } from './endpoint-index.ts'
import { RegistryError } from './errors.ts'
import { newInstanceId } from './ids.ts'
import { normalizeHealthCheck, ttlMs } from './leases.ts'
import type { MicroServiceInstance } from './model.ts'
import { omitEmpty } from './output.ts'
import { quotaUse } from './own-service.ts'
import { checkRecord } from './store.ts'
import type { InstanceSlot, ServiceEntry } from './tenant.ts'
import { notifyWatchers } from './watch.ts'

/**
 * `POST …/instances` (reference §5.1): registers an instance and starts its lease.
 * @example
 * const { instanceId } = await registerInstance(core, ctx, serviceId, { hostName: 'node-1', endpoints: ['rest://10.0.0.1:8080'] })
 */
export async function registerInstance(
  core: RegistryCore,
  ctx: RequestContext,
  serviceId: string,
  input: MicroServiceInstance | undefined,
): Promise<{ instanceId: string }> {
  if (!input || typeof input !== 'object')
    throw new RegistryError('400001', 'Request body is empty')
  // Taken before anything can go wrong, so a refused registration leaves no mark behind.
  const checked = takeCheckedInstance(input)
  const next = buildInstance(core, input)
  const entry = requireService(core, ctx, serviceId, "Invalid 'serviceID' in request body.")
  next.serviceId = serviceId
  next.version = entry.record.version ?? ''
  const now = core.clock.now()

  if (input.instanceId) {
    const live = entry.instances.get(input.instanceId)
    if (live) {
      // §5.1 step 4 and its discrepancy note: SC only heartbeats, Huawei's docs overwrite.
      if (core.rules.reRegisterLiveInstance === 'renew') {
        core.leases.renew(live.lease, now)
      } else {
        await overwriteInstance(core, entry, live, next, checked)
      }
      return { instanceId: input.instanceId }
    }
  } else if (core.rules.duplicateEndpoints === 'reuse') {
    const reused = findSameEndpoints(entry, next)
    if (reused) {
      core.leases.renew(reused.lease, now)
      return { instanceId: reused.record.instanceId! }
    }
  }

  const tenant = entry.tenant
  if (quotaUse(tenant).instances >= core.quotas.instances) {
    throw new RegistryError(
      '400100',
      `No quota to create instance: the limit is ${core.quotas.instances}.`,
    )
  }
  const stamp = nowSeconds(core)
  const record = omitEmpty<MicroServiceInstance>({
    instanceId: input.instanceId || newInstanceId(),
    ...next,
    timestamp: stamp,
    modTimestamp: stamp,
  })
  // `omitEmpty` made a deep copy: the record shares nothing with the caller's body.
  if (!checked) await checkRecord(core.schemas.instance, record)
  addInstanceSlot(core, entry, record, now)
  notifyWatchers(core.watchers, entry, 'CREATE', record)
  return { instanceId: record.instanceId! }
}

/**
 * Files a checked instance record under its service (the registry's instance store): indexes,
 * revision, tenant count, and a full lease from `now`. Registration and snapshot restore both
 * end here.
 * @example
 * addInstanceSlot(core, entry, stored, core.clock.now())
 */
export function addInstanceSlot(
  core: Pick<RegistryCore, 'revisions' | 'leases' | 'parts'>,
  entry: ServiceEntry,
  stored: MicroServiceInstance,
  now: number,
): InstanceSlot {
  core.parts.share(stored)
  const instanceId = stored.instanceId!
  const slot: InstanceSlot = {
    record: stored,
    modRevision: core.revisions.next(),
    lease: core.leases.grant(
      { tenantKey: entry.tenant.key, serviceId: entry.record.serviceId!, instanceId },
      ttlMs(stored.healthCheck),
      now,
    ),
    endpointKey: undefined,
    removed: false,
  }
  entry.instances.set(instanceId, slot)
  indexEndpoints(entry, slot)
  entry.tenant.instanceCount++
  entry.modRevision = slot.modRevision
  return slot
}

/** The instance body as stored, minus id and timestamps: defaults and health check applied. */
function buildInstance(core: RegistryCore, input: MicroServiceInstance): MicroServiceInstance {
  const {
    instanceId: _id,
    serviceId: _serviceId,
    version: _version,
    timestamp: _timestamp,
    modTimestamp: _modTimestamp,
    ...body
  } = input
  if (!body.hostName?.trim()) {
    throw new RegistryError('400001', "field 'MicroServiceInstance.HostName' must not be blank")
  }
  if (core.rules.endpointsRequired && !body.endpoints?.length) {
    // Huawei's CSE pages mark endpoints as mandatory (reference §12.5).
    throw new RegistryError('400001', "field 'MicroServiceInstance.Endpoints' is required")
  }
  const healthCheck = normalizeHealthCheck(body.healthCheck, core.rules)
  if (!(ttlMs(healthCheck) > 0)) {
    throw new RegistryError(
      '400001',
      'Invalid healthCheck: the lease (interval × (times + 1)) must be longer than 0 s.',
    )
  }
  return { serviceId: '', ...body, status: body.status || 'UP', healthCheck, version: '' }
}

async function overwriteInstance(
  core: RegistryCore,
  entry: ServiceEntry,
  slot: InstanceSlot,
  next: MicroServiceInstance,
  checked: boolean,
): Promise<void> {
  const record = omitEmpty<MicroServiceInstance>({
    instanceId: slot.record.instanceId!,
    ...next,
    timestamp: slot.record.timestamp!,
    modTimestamp: nowSeconds(core),
  })
  // Checked before it replaces the old record: a rejected overwrite leaves the instance as it was.
  if (!checked) await checkRecord(core.schemas.instance, record)
  if (slot.removed) throw new RegistryError('400017', 'Instance does not exist.')
  const previous = slot.record
  core.parts.share(record, previous)
  slot.record = record
  core.leases.renew(slot.lease, core.clock.now(), ttlMs(record.healthCheck))
  touchInstance(core, entry, slot, previous)
}

/**
 * After a rewrite (`previous` is the record the slot held before): re-index, stamp a new
 * revision and tell watchers (`UPDATE`).
 * @example
 * touchInstance(core, entry, slot, previous)
 */
export function touchInstance(
  core: RegistryCore,
  entry: ServiceEntry,
  slot: InstanceSlot,
  previous: MicroServiceInstance,
): void {
  indexEndpoints(entry, slot, previous)
  slot.modRevision = core.revisions.next()
  entry.modRevision = slot.modRevision
  notifyWatchers(core.watchers, entry, 'UPDATE', slot.record)
}

/**
 * Deletes an instance (deregistration, expiry or service deletion): the record, its indexes
 * and lease go, the revision changes and watchers get `DELETE` (reference §7).
 * @example
 * removeInstance(core, entry, slot)
 */
export function removeInstance(core: RegistryCore, entry: ServiceEntry, slot: InstanceSlot): void {
  if (slot.removed) return
  slot.removed = true
  entry.instances.delete(slot.record.instanceId!)
  unindexEndpoints(entry, slot)
  core.leases.revoke(slot.lease)
  entry.tenant.instanceCount--
  entry.modRevision = core.revisions.next()
  notifyWatchers(core.watchers, entry, 'DELETE', slot.record)
}
