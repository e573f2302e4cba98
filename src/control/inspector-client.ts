import type { ActiveFault, CapturedExchange, FaultRule, RequestLogEntry } from '../faults/types.ts'
import type { Profile, RegistryInspection, Snapshot } from '../registry/index.ts'
import type { ShadowRecord } from '../shadow/shadow-record.ts'
import type { ShadowView } from '../shadow/shadow-view.ts'

/**
 * The mock's clock as the control API reports it.
 * @example
 * const clock: ClockState = { now: 0, iso: '1970-01-01T00:00:00.000Z', virtual: true }
 */
export interface ClockState {
  now: number
  iso: string
  virtual: boolean
}

/**
 * One message of the control API's live feed (`GET /__cse-mock/events`): `registry` says the
 * registry changed (read it again), `request` carries a new request log entry, `control` says
 * faults, clock, profile or the request log changed (read them again), `shadow` carries a new
 * record of the shadow session with the session's record count so far (`seen`), and
 * `shadow-session` says a shadow session started or ended (read `GET /__cse-mock/shadow`).
 * @example
 * const event: InspectorEvent = { type: 'registry' }
 */
export type InspectorEvent =
  | { type: 'registry' }
  | { type: 'request'; entry: RequestLogEntry }
  | { type: 'control' }
  | { type: 'shadow'; record: ShadowRecord; seen: number }
  | { type: 'shadow-session'; active: boolean }
  /** Said by a client, never sent on the stream: the feed is live again, or dropped. */
  | { type: 'connection'; live: boolean }

/**
 * A request log entry with what capture kept of it.
 * @example
 * const detail: RequestDetail = { ...entry, exchange }
 */
export type RequestDetail = RequestLogEntry & { exchange?: CapturedExchange }

/**
 * What the inspector needs from a mock. Two implementations: over HTTP against the control API
 * (the page served by `cse-mock serve`) and directly on an in-page mock (the embedded panel).
 * @example
 * const client: InspectorClient = createMockInspectorClient(mock)
 * const view = await client.registry()
 */
export interface InspectorClient {
  registry(): Promise<RegistryInspection>
  requests(): Promise<RequestLogEntry[]>
  request(seq: number): Promise<RequestDetail | undefined>
  clearRequests(): Promise<void>
  faults(): Promise<ActiveFault[]>
  addFault(rule: FaultRule): Promise<ActiveFault>
  removeFault(id: string): Promise<void>
  clock(): Promise<ClockState>
  advance(ms: number): Promise<ClockState>
  profile(): Promise<Profile>
  setProfile(profile: Profile): Promise<void>
  reset(): Promise<void>
  seed(seed: number): Promise<void>
  /** The shadow session: totals and the latest records, or `{ active: false }`. */
  shadow(): Promise<ShadowView>
  snapshot(): Promise<Snapshot>
  restore(snapshot: Snapshot): Promise<void>
  /** Calls `listener` with every live event; returns the function that stops it. */
  subscribe(listener: (event: InspectorEvent) => void): () => void
}
