import type { CseMock } from '../mock.ts'
import { shadowViewOf } from '../shadow/inspector-observer.ts'
import { changeFeedOf } from './change-feed.ts'
import { clockStateOf } from './clock-state.ts'
import type { InspectorClient } from './inspector-client.ts'

/**
 * The inspector's client for a mock in the same page or process: the same interface as the
 * control API over HTTP, calling the mock directly (no fetch, no service worker in between).
 * @example
 * const client = createMockInspectorClient(mock)
 * const stop = client.subscribe((event) => console.log(event.type))
 */
export function createMockInspectorClient(mock: CseMock): InspectorClient {
  const feed = changeFeedOf(mock)
  const control = () => feed.notify({ type: 'control' })
  return {
    registry: async () => mock.registry.inspect(),
    requests: async () => mock.requests.list(),
    request: async (seq) => mock.requests.get(seq),
    async clearRequests() {
      mock.requests.clear()
      control()
    },
    faults: async () => mock.faults.list(),
    async addFault(rule) {
      const fault = mock.faults.add(rule)
      control()
      return fault
    },
    async removeFault(id) {
      mock.faults.remove(id)
      control()
    },
    clock: async () => clockStateOf(mock),
    async advance(ms) {
      mock.advance(ms)
      control()
      return clockStateOf(mock)
    },
    profile: async () => mock.registry.profile,
    async setProfile(profile) {
      mock.setProfile(profile)
      control()
    },
    async reset() {
      await mock.reset()
      control()
    },
    async seed(seed) {
      await mock.seed(seed)
      control()
    },
    shadow: async () => shadowViewOf(mock),
    snapshot: async () => mock.snapshot(),
    async restore(snapshot) {
      const before = mock.snapshot()
      try {
        await mock.restore(snapshot)
      } catch (error) {
        // As the control API does: whatever part of the snapshot got in goes again.
        await mock.restore(before)
        throw error
      } finally {
        control()
      }
    },
    subscribe(listener) {
      const stop = feed.subscribe(listener)
      listener({ type: 'connection', live: true })
      return stop
    },
  }
}
