import { type RegistryCore, type RequestContext, requireService } from './core.ts'
import { RegistryError } from './errors.ts'
import type { ServiceEntry } from './tenant.ts'

/**
 * Replaces the whole tag set of a service (an empty map clears it; reference §8.1). Tags feed
 * the discovery filter, so the service's revision stamp moves.
 * @example
 * applyTags(core, entry, { canary: 'true' })
 */
export function applyTags(
  core: RegistryCore,
  entry: ServiceEntry,
  tags: Record<string, string>,
): void {
  const entries = Object.entries(tags ?? {})
  if (entries.length > core.quotas.tags) {
    throw new RegistryError(
      '400100',
      `No quota to add ${entries.length} tags: the limit is ${core.quotas.tags}.`,
    )
  }
  entry.tags = new Map(entries)
  entry.modRevision = core.revisions.next()
}

/**
 * `POST …/tags`: replaces the tag set (Service Center ≥ 1.4; older versions merged).
 * @example
 * setTags(core, ctx, serviceId, { canary: 'true' })
 */
export function setTags(
  core: RegistryCore,
  ctx: RequestContext,
  serviceId: string,
  tags: Record<string, string>,
): void {
  applyTags(core, requireService(core, ctx, serviceId), tags)
}

/**
 * `GET …/tags`: `{ tags }`, or `{}` when there are none.
 * @example
 * getTags(core, ctx, serviceId).tags
 */
export function getTags(
  core: RegistryCore,
  ctx: RequestContext,
  serviceId: string,
): { tags?: Record<string, string> } {
  const entry = requireService(core, ctx, serviceId)
  return entry.tags.size ? { tags: Object.fromEntries(entry.tags) } : {}
}

/**
 * `PUT …/tags/{key}?value=`: changes the value of an existing tag; 400018 when it is missing.
 * @example
 * updateTag(core, ctx, serviceId, 'canary', 'false')
 */
export function updateTag(
  core: RegistryCore,
  ctx: RequestContext,
  serviceId: string,
  key: string,
  value: string,
): void {
  const entry = requireService(core, ctx, serviceId)
  if (!entry.tags.has(key)) {
    throw new RegistryError('400018', 'Tag does not exist, please add one first.')
  }
  entry.tags.set(key, value)
  entry.modRevision = core.revisions.next()
}

/**
 * `DELETE …/tags/{k1,k2}`: all or nothing; one missing key answers 400018 and deletes none.
 * @example
 * deleteTags(core, ctx, serviceId, ['canary'])
 */
export function deleteTags(
  core: RegistryCore,
  ctx: RequestContext,
  serviceId: string,
  keys: string[],
): void {
  const entry = requireService(core, ctx, serviceId)
  const missing = keys.filter((key) => !entry.tags.has(key))
  if (missing.length > 0) {
    throw new RegistryError(
      '400018',
      `Delete tags failed for this key ${missing[0]} does not exist.`,
    )
  }
  for (const key of keys) entry.tags.delete(key)
  entry.modRevision = core.revisions.next()
}
