import { ruleCovers } from './dependencies.ts'
import type { MicroServiceInstance, WatchEvent } from './model.ts'
import { omitEmpty } from './output.ts'
import type { ServiceEntry } from './tenant.ts'

/**
 * Receives the instance changes of the providers a consumer depends on.
 * @example
 * const listener: WatchListener = (event) => console.log(event.action, event.instance?.instanceId)
 */
export type WatchListener = (event: WatchEvent) => void

/**
 * The listeners of every watching consumer, by tenant and consumer serviceId.
 * @example
 * const hub = new WatchHub()
 * const stop = hub.subscribe('default/default', consumerId, console.log)
 */
export class WatchHub {
  #listeners = new Map<string, Set<WatchListener>>()

  /** Whether anyone is watching at all; lets writes skip the fan-out. */
  get idle(): boolean {
    return this.#listeners.size === 0
  }

  /** Adds a listener; the returned function removes it (safe to call twice). */
  subscribe(tenantKey: string, consumerId: string, listener: WatchListener): () => void {
    const key = `${tenantKey}\u0000${consumerId}`
    let set = this.#listeners.get(key)
    if (!set) {
      set = new Set()
      this.#listeners.set(key, set)
    }
    set.add(listener)
    return () => {
      const current = this.#listeners.get(key)
      if (!current?.delete(listener)) return
      if (current.size === 0) this.#listeners.delete(key)
    }
  }

  /** The listeners of one consumer. */
  listenersOf(tenantKey: string, consumerId: string): ReadonlySet<WatchListener> | undefined {
    return this.#listeners.get(`${tenantKey}\u0000${consumerId}`)
  }

  /** Drops every listener. */
  clear(): void {
    this.#listeners.clear()
  }
}

/**
 * Tells the watchers of every consumer depending on this provider about an instance change.
 * Expiry arrives as `DELETE`, as in Service Center (reference §5.12).
 * @example
 * notifyWatchers(hub, entry, 'CREATE', slot.record)
 */
export function notifyWatchers(
  hub: WatchHub,
  provider: ServiceEntry,
  action: 'CREATE' | 'UPDATE' | 'DELETE',
  instance: MicroServiceInstance,
): void {
  if (hub.idle) return
  const { tenant } = provider
  const consumers = tenant.consumersOf.get(provider.nameKey)
  if (!consumers) return
  let event: WatchEvent | undefined
  for (const consumerId of consumers) {
    const listeners = hub.listenersOf(tenant.key, consumerId)
    if (!listeners) continue
    const rule = tenant.dependencies.get(consumerId)?.get(provider.nameKey)
    if (!rule || !ruleCovers(tenant, rule, provider)) continue
    event ??= {
      action,
      key: omitEmpty({
        tenant: tenant.key,
        environment: provider.record.environment ?? '',
        appId: provider.record.appId ?? '',
        serviceName: provider.record.serviceName ?? '',
        version: provider.record.version ?? '',
      }),
      instance: omitEmpty(instance),
    }
    for (const listener of [...listeners]) deliver(listener, event)
  }
}

function deliver(listener: WatchListener, event: WatchEvent): void {
  try {
    listener(event)
  } catch (error) {
    // A faulty listener must not fail the registry operation that triggered it; rethrow it
    // outside the operation so it still surfaces, the way EventTarget reports listener errors.
    queueMicrotask(() => {
      throw error
    })
  }
}
