import { hasAllTags, isVisibleTo } from './access.ts'
import { type RegistryCore, type RequestContext, requireService, resolveConsumer } from './core.ts'
import { RegistryError } from './errors.ts'
import type { MicroServiceInstance } from './model.ts'
import { omitEmpty } from './output.ts'
import { type Revisioned, revisioned, revisionOf } from './revisions.ts'

/**
 * Options of the by-id reads: tag keys the provider must carry and the client's revision.
 * @example
 * const opts: InstanceReadOptions = { tags: ['canary'], rev: 'abc' }
 */
export interface InstanceReadOptions {
  tags?: string[]
  rev?: string
}

/**
 * `GET …/microservices/{serviceId}/instances` (reference §5.2): every instance of one service,
 * whatever its status. A provider hidden by the tag filter or the consumer's access rules
 * answers 400012, like a missing one.
 * @example
 * listInstances(core, ctx, serviceId).value.instances
 */
export function listInstances(
  core: RegistryCore,
  ctx: RequestContext,
  serviceId: string,
  opts: InstanceReadOptions = {},
): Revisioned<{ instances?: MicroServiceInstance[] }> {
  const consumer = resolveConsumer(core, ctx)
  const provider = requireService(core, ctx, serviceId, `Provider[${serviceId}] does not exist.`)
  if (!hasAllTags(provider, opts.tags) || (consumer && !isVisibleTo(consumer, provider))) {
    throw new RegistryError('400012', `Provider[${serviceId}] does not exist.`)
  }
  const revision = revisionOf(provider.modRevision, provider.instances.size)
  if (opts.rev === revision) return revisioned({}, revision, opts.rev)
  const instances: MicroServiceInstance[] = []
  for (const slot of provider.instances.values()) instances.push(omitEmpty(slot.record))
  return revisioned(instances.length ? { instances } : {}, revision, opts.rev)
}

/**
 * `GET …/instances/{instanceId}` (reference §5.3). A filtered-out instance answers 400017.
 * @example
 * getInstance(core, ctx, serviceId, instanceId).value.instance
 */
export function getInstance(
  core: RegistryCore,
  ctx: RequestContext,
  serviceId: string,
  instanceId: string,
  opts: InstanceReadOptions = {},
): Revisioned<{ instance: MicroServiceInstance }> {
  const consumer = resolveConsumer(core, ctx)
  const provider = requireService(core, ctx, serviceId, `Provider[${serviceId}] does not exist.`)
  const slot = provider.instances.get(instanceId)
  if (!slot || !hasAllTags(provider, opts.tags) || (consumer && !isVisibleTo(consumer, provider))) {
    const c = consumer?.record
    const p = provider.record
    // Service Center's description of the lookup, consumer fields empty without X-ConsumerId.
    const flag = `Consumer[${c?.serviceId ?? ''}][${c?.environment ?? ''}/${c?.appId ?? ''}/${c?.serviceName ?? ''}/${c?.version ?? ''}] find provider[${serviceId}][${p.environment ?? ''}/${p.appId ?? ''}/${p.serviceName ?? ''}/${p.version ?? ''}] instance[${instanceId}]`
    throw new RegistryError('400017', `${flag} failed, provider instance does not exist`)
  }
  const revision = revisionOf(slot.modRevision, 1)
  return revisioned({ instance: omitEmpty(slot.record) }, revision, opts.rev)
}
