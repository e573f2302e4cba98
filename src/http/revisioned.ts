import type { Revisioned } from '../registry/index.ts'
import type { OperationResult } from './respond.ts'

/**
 * Renders a revisioned read: `X-Resource-Revision` always, 304 when the client's `rev` is
 * current (reference §1.7).
 * @example
 * return fromRevisioned(registry.listInstances(ctx, serviceId, { rev }))
 */
export function fromRevisioned<T>(result: Revisioned<T>): OperationResult {
  return {
    body: result.value,
    headers: { 'X-Resource-Revision': result.revision },
    notModified: result.notModified,
  }
}

/**
 * The `rev` query parameter, ignored when `noCache` or `cacheOnly` is present — a quirk of
 * Service Center's context handler (reference §1.6).
 * @example
 * revOf(new URLSearchParams('rev=abc&noCache=1')) // undefined
 */
export function revOf(query: URLSearchParams): string | undefined {
  if (query.has('noCache') || query.has('cacheOnly')) return undefined
  return query.get('rev') || undefined
}
