import type { RegistryCore, RequestContext } from './core.ts'
import { batchErrMessage, RegistryError } from './errors.ts'
import { requireInstance } from './instance-updates.ts'
import type { HeartbeatSetResponse, InstanceHbResult } from './model.ts'

/**
 * `PUT …/heartbeat`: renews the lease to its full TTL. Only the lease moves: no record write,
 * no modTimestamp, no revision change (reference §5.5).
 * @example
 * heartbeat(core, ctx, serviceId, instanceId)
 */
export function heartbeat(
  core: RegistryCore,
  ctx: RequestContext,
  serviceId: string,
  instanceId: string,
): void {
  const { slot } = requireInstance(
    core,
    ctx,
    serviceId,
    instanceId,
    'leaseId not exist, instance not exist',
  )
  core.leases.renew(slot.lease, core.clock.now())
}

/**
 * `PUT /registry/heartbeats` (reference §5.6). Duplicate pairs count once. The `cse` profile
 * answers nothing when all succeed and 400017 otherwise; `servicecomb` always lists every pair.
 * @example
 * heartbeats(core, ctx, [{ serviceId, instanceId }])
 */
export function heartbeats(
  core: RegistryCore,
  ctx: RequestContext,
  pairs: { serviceId: string; instanceId: string }[] | undefined,
): HeartbeatSetResponse | undefined {
  if (!pairs?.length) throw new RegistryError('400001', 'Request format invalid.')
  const seen = new Set<string>()
  const results: InstanceHbResult[] = []
  let failure: RegistryError | undefined
  for (const { serviceId, instanceId } of pairs) {
    const key = `${serviceId}\u0000${instanceId}`
    if (seen.has(key)) continue
    seen.add(key)
    try {
      heartbeat(core, ctx, serviceId, instanceId)
      results.push({ serviceId, instanceId })
    } catch (error) {
      if (!(error instanceof RegistryError)) throw error
      failure ??= error
      results.push({ serviceId, instanceId, errMessage: batchErrMessage(error) })
    }
  }
  if (core.rules.batchHeartbeatResponse === 'list') return { instances: results }
  if (failure) {
    const failed = results.filter((r) => r.errMessage).map((r) => `${r.serviceId}/${r.instanceId}`)
    throw new RegistryError('400017', `Heartbeat failed for instance(s) ${failed.join(', ')}.`)
  }
  return undefined
}
