import { changeFeedOf } from '../control/change-feed.ts'
import type { CseMock } from '../mock.ts'
import type { ShadowObserver } from './shadow-record.ts'
import { createShadowTally, type ShadowTally } from './shadow-tally.ts'
import type { ShadowView } from './shadow-view.ts'

const sessions = new WeakMap<CseMock, ShadowTally>()

/**
 * Options of the inspector's observer.
 * @example
 * const options: ShadowInspectorOptions = { live: 'https://cse.example:30100', limit: 500 }
 */
export interface ShadowInspectorOptions {
  /** The live registry's URL; shown without user info, query or fragment. */
  live: string
  /** Records kept for the page (default 2,000, fewer when large); the totals count them all. */
  limit?: number
}

/**
 * The shadow session's observer for the inspector: each record goes out on the mock's live
 * feed (`{ type: 'shadow', record, seen }`) and into a bounded ring with running totals that
 * `GET /__cse-mock/shadow` answers, so a page opened late sees the summary and the latest
 * records. `close()` ends the session there (the endpoint answers `{ active: false }` again).
 * The shadow proxy passes it among its observers:
 * @example
 * const observers = [jsonLinesObserver(file), shadowInspectorObserver(mock, { live: url })]
 */
export function shadowInspectorObserver(
  mock: CseMock,
  options: ShadowInspectorOptions,
): ShadowObserver {
  const tally = createShadowTally({
    live: shownUrl(options.live),
    startedAt: new Date().toISOString(),
    ...(options.limit === undefined ? {} : { limit: options.limit }),
  })
  const feed = changeFeedOf(mock)
  sessions.set(mock, tally)
  feed.notify({ type: 'shadow-session', active: true })
  let open = true
  return {
    record(record) {
      if (!open) return
      const taken = tally.add(record)
      feed.notify({ type: 'shadow', record: taken, seen: tally.seen })
    },
    close() {
      if (!open) return
      open = false
      if (sessions.get(mock) === tally) sessions.delete(mock)
      feed.notify({ type: 'shadow-session', active: false })
    },
  }
}

/**
 * The shadow state of a mock as `GET /__cse-mock/shadow` answers it.
 * @example
 * const view = shadowViewOf(mock)
 * if (view.active) console.log(`${view.seen} requests compared`)
 */
export function shadowViewOf(mock: CseMock): ShadowView {
  return sessions.get(mock)?.view() ?? { active: false }
}

/** The live URL without what may hold a secret: user info, query and fragment. */
function shownUrl(live: string): string {
  try {
    const url = new URL(live)
    return `${url.origin}${url.pathname === '/' ? '' : url.pathname}`
  } catch {
    return 'the live registry'
  }
}
