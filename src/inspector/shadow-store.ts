import { signal } from '@preact/signals'
import type { InspectorClient, InspectorEvent } from '../control/inspector-client.ts'
import type { ShadowRecord } from '../shadow/shadow-record.ts'
import {
  createShadowTally,
  DEFAULT_SHADOW_LIMIT,
  type ShadowTally,
} from '../shadow/shadow-tally.ts'
import type { ShadowView } from '../shadow/shadow-view.ts'
import { coalesced } from './coalesced.ts'

type ShadowEvent = Extract<InspectorEvent, { type: 'shadow' | 'shadow-session' }>

/**
 * The inspector's copy of the shadow session: read once from `GET /__cse-mock/shadow`, then
 * kept up by the records the live feed carries, each added to the totals and the ring here
 * instead of reading everything again. A gap in the feed's count reads the session again.
 * @example
 * const shadow = createShadowStore(client, fail)
 * void shadow.load()
 */
export function createShadowStore(client: InspectorClient, fail: (reason: unknown) => void) {
  const view = signal<ShadowView | undefined>(undefined)
  let tally: ShadowTally | undefined
  let arrived: { record: ShadowRecord; seen: number }[] = []
  let flush: ReturnType<typeof setTimeout> | undefined

  const apply = () => {
    flush = undefined
    if (!tally) return
    const events = arrived
    arrived = []
    let added = false
    let gap = false
    for (const event of events) {
      if (event.seen <= tally.seen) continue
      if (event.seen !== tally.seen + 1) {
        gap = true
        break
      }
      tally.add(event.record)
      added = true
    }
    if (added) view.value = tally.view()
    if (gap) void load()
  }
  const load = coalesced(async () => {
    const next = await client.shadow()
    tally = next.active
      ? createShadowTally({ live: next.live, startedAt: next.startedAt }, next)
      : undefined
    view.value = tally ? tally.view() : next
    // Records that came while it was read: the ones it already counts are skipped.
    apply()
  }, fail)

  return {
    view,
    load,
    onEvent(event: ShadowEvent) {
      if (event.type === 'shadow-session') {
        void load()
        return
      }
      arrived.push({ record: event.record, seen: event.seen })
      if (arrived.length > DEFAULT_SHADOW_LIMIT) {
        // Far behind (nothing read yet, or a stalled page): reading the session is cheaper.
        arrived = []
        void load()
        return
      }
      // Shown ten times a second at most, like the request log.
      flush ??= setTimeout(apply, 100)
    },
    stop() {
      if (flush !== undefined) clearTimeout(flush)
      flush = undefined
    },
  }
}
