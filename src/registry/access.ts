import type { ServiceEntry } from './tenant.ts'

/**
 * Whether a consumer may see a provider (reference §6.3): same appId, or the provider allows
 * cross-app access with `properties.allowCrossApp` = `true` (any case); and same environment.
 * @example
 * isVisibleTo(consumer, provider)
 */
export function isVisibleTo(consumer: ServiceEntry, provider: ServiceEntry): boolean {
  const c = consumer.record
  const p = provider.record
  const sameApp = c.appId === p.appId || p.properties?.allowCrossApp?.toLowerCase() === 'true'
  return sameApp && (c.environment ?? '') === (p.environment ?? '')
}

/**
 * Whether the service has every one of these tag keys; values are not compared, and a service
 * without tags never matches a non-empty filter (reference §5.10).
 * @example
 * hasAllTags(entry, ['canary'])
 */
export function hasAllTags(entry: ServiceEntry, keys: readonly string[] | undefined): boolean {
  if (!keys) return true
  for (const key of keys) if (!entry.tags.has(key)) return false
  return true
}
