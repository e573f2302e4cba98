import { batch, computed, signal } from '@preact/signals'
import type { ClockState, InspectorClient, InspectorEvent } from '../control/inspector-client.ts'
import type { ActiveFault, RequestLogEntry } from '../faults/types.ts'
import type { Profile, RegistryInspection } from '../registry/index.ts'
import { coalesced } from './coalesced.ts'
import { createShadowStore } from './shadow-store.ts'

/** As many entries as the request log keeps by default. */
const MAX_REQUESTS = 1000

/**
 * The inspector's state: what it last read from the mock, kept fresh by the live feed.
 * @example
 * const store = createInspectorStore(client)
 * const stop = store.start()
 */
export type InspectorStore = ReturnType<typeof createInspectorStore>

/**
 * Builds the store of one inspector; `start()` subscribes and loads, its return value stops.
 * @example
 * const store = createInspectorStore(createHttpInspectorClient())
 */
export function createInspectorStore(client: InspectorClient) {
  const registry = signal<RegistryInspection | undefined>(undefined)
  const requests = signal<RequestLogEntry[]>([])
  const faults = signal<ActiveFault[]>([])
  const clock = signal<ClockState | undefined>(undefined)
  const profile = signal<Profile | undefined>(undefined)
  const live = signal(false)
  const error = signal<string | undefined>(undefined)
  /** The control API answered 401 or 403205: the page has no token, or not an admin's. */
  const needsToken = signal(false)
  /** The registry clock at a moment of the page's wall clock, to tick between reads. */
  const clockBase = signal({ now: 0, at: 0 })
  const wall = signal(Date.now())
  const now = computed(() => {
    const base = clockBase.value
    return clock.value?.virtual ? base.now : base.now + (wall.value - base.at)
  })

  const fail = (reason: unknown) => {
    const { status, code } = reason as { status?: unknown; code?: unknown }
    // No token, or one of an account that may not drive the mock: ask for another.
    if (status === 401 || code === '403205') needsToken.value = true
    error.value = reason instanceof Error ? reason.message : String(reason)
  }
  const loadRegistry = coalesced(async () => {
    const view = await client.registry()
    batch(() => {
      registry.value = view
      clockBase.value = { now: view.now, at: Date.now() }
    })
  }, fail)
  const loadControl = coalesced(async () => {
    const [nextFaults, nextClock, nextProfile, nextRequests] = await Promise.all([
      client.faults(),
      client.clock(),
      client.profile(),
      client.requests(),
    ])
    batch(() => {
      faults.value = nextFaults
      clock.value = nextClock
      clockBase.value = { now: nextClock.now, at: Date.now() }
      profile.value = nextProfile
      requests.value = nextRequests.slice(-MAX_REQUESTS).reverse()
    })
  }, fail)
  const shadow = createShadowStore(client, fail)
  let arrived: RequestLogEntry[] = []
  let flush: ReturnType<typeof setTimeout> | undefined
  const showArrived = () => {
    flush = undefined
    const newest = requests.value[0]?.seq ?? 0
    const fresh = arrived.filter((entry) => entry.seq > newest).reverse()
    arrived = []
    if (fresh.length > 0) requests.value = [...fresh, ...requests.value].slice(0, MAX_REQUESTS)
  }
  const onEvent = (event: InspectorEvent) => {
    if (event.type === 'registry') void loadRegistry()
    else if (event.type === 'control') void loadControl()
    else if (event.type === 'connection') {
      live.value = event.live
      // Connected, or again after a drop: what the session did meanwhile is read again.
      if (event.live) void shadow.load()
    } else if (event.type === 'shadow' || event.type === 'shadow-session') shadow.onEvent(event)
    else if (event.type === 'request') {
      arrived.push(event.entry)
      // Entries are shown ten times a second at most: a heartbeat storm stays one redraw.
      flush ??= setTimeout(showArrived, 100)
    }
  }
  /** Runs a control call, shows its failure, and reads the state again. */
  const act = async <T>(run: () => Promise<T>): Promise<T | undefined> => {
    try {
      error.value = undefined
      return await run()
    } catch (reason) {
      fail(reason)
      return undefined
    } finally {
      void loadControl()
      void loadRegistry()
    }
  }

  return {
    client,
    registry,
    requests,
    faults,
    clock,
    profile,
    live,
    error,
    needsToken,
    now,
    /** The shadow session, `{ active: false }` without one; undefined until read. */
    shadow: shadow.view,
    act,
    start(): () => void {
      const stop = client.subscribe(onEvent)
      void loadRegistry()
      void loadControl()
      const ticker = setInterval(() => {
        wall.value = Date.now()
      }, 1000)
      return () => {
        stop()
        clearInterval(ticker)
        if (flush !== undefined) clearTimeout(flush)
        flush = undefined
        shadow.stop()
      }
    },
  }
}
