import type { CseMock } from '../mock.ts'
import type { InspectorEvent } from './inspector-client.ts'

/** Registry changes are sent at most this often: a busy registry would otherwise flood the UI. */
const REGISTRY_EVENT_INTERVAL_MS = 200

/**
 * The live events of one mock, fed by the registry's change events, the request log and the
 * control calls. It listens to the mock only while someone subscribes.
 * @example
 * const stop = changeFeedOf(mock).subscribe((event) => console.log(event.type))
 */
export interface ChangeFeed {
  subscribe(listener: (event: InspectorEvent) => void): () => void
  /** Tells subscribers about a change made outside the registry (faults, clock, profile). */
  notify(event: InspectorEvent): void
  /** Ends every subscription that asked to be ended on close (event streams of a server). */
  closeStreams(): void
  /** Registers what to run on `closeStreams()`; returns the function that unregisters it. */
  onClose(close: () => void): () => void
}

const feeds = new WeakMap<CseMock, ChangeFeed>()

/**
 * The change feed of a mock, created on first use and shared by every caller.
 * @example
 * changeFeedOf(mock).notify({ type: 'control' })
 */
export function changeFeedOf(mock: CseMock): ChangeFeed {
  let feed = feeds.get(mock)
  if (!feed) {
    feed = createChangeFeed(mock)
    feeds.set(mock, feed)
  }
  return feed
}

function createChangeFeed(mock: CseMock): ChangeFeed {
  const listeners = new Set<(event: InspectorEvent) => void>()
  const closers = new Set<() => void>()
  let detach: (() => void) | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let pending = false

  const send = (event: InspectorEvent) => {
    for (const listener of [...listeners]) {
      try {
        listener(event)
      } catch (error) {
        console.error('cse-mock: an inspector event listener threw', error)
      }
    }
  }
  // Leading and trailing: the first change goes out at once, a burst ends with one more.
  const registryChanged = () => {
    if (timer !== undefined) {
      pending = true
      return
    }
    send({ type: 'registry' })
    const tick = () => {
      if (!pending) {
        timer = undefined
        return
      }
      pending = false
      send({ type: 'registry' })
      timer = setTimeout(tick, REGISTRY_EVENT_INTERVAL_MS)
    }
    timer = setTimeout(tick, REGISTRY_EVENT_INTERVAL_MS)
  }
  const attach = () => {
    const offRegistry = mock.registry.onChange(registryChanged)
    const offRequests = mock.requests.onEntry((entry) => {
      send({ type: 'request', entry })
      // A fault with `times` counts down with each call it applies to.
      if (entry.faults) send({ type: 'control' })
    })
    return () => {
      offRegistry()
      offRequests()
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
      pending = false
    }
  }

  return {
    subscribe(listener) {
      listeners.add(listener)
      detach ??= attach()
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0 && detach) {
          detach()
          detach = undefined
        }
      }
    },
    notify: send,
    closeStreams() {
      for (const close of [...closers]) close()
    },
    onClose(close) {
      closers.add(close)
      return () => {
        closers.delete(close)
      }
    },
  }
}
