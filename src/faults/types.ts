/**
 * Which calls a fault applies to; every given field must match.
 * @example
 * const match: FaultMatch = { method: 'PUT', path: '/heartbeat', serviceName: 'orders' }
 */
export interface FaultMatch {
  /** One operationId or several, as in the spec (`heartbeat`, `findInstances`, …). */
  operationId?: string | string[]
  /** HTTP method, case-insensitive. */
  method?: string
  /** A substring of the URL path, or a regular expression source (`/…/` form is not needed). */
  path?: string
  /** The service the call is about: the path's serviceId (looked up) or discovery's serviceName. */
  serviceName?: string
}

/**
 * What a matching fault does to the call.
 * @example
 * const action: FaultAction = { type: 'status', status: 503 }
 */
export type FaultAction =
  /** Waits `ms` (or a random time between `min` and `max`) before the call goes on. */
  | { type: 'latency'; ms?: number; min?: number; max?: number }
  /** Answers with the registry's error envelope for this code; HTTP status = code / 1000. */
  | { type: 'error'; errorCode: string; detail?: string }
  /** Answers a plain HTTP status (a 5xx or 429) with a text body. */
  | { type: 'status'; status: number; body?: string }
  /** Fails the connection: `fetch` rejects, the standalone server drops the socket. */
  | { type: 'network' }
  /** Acknowledges heartbeats without renewing leases, so instances expire. */
  | { type: 'drop-heartbeats' }

/**
 * The `type` of a fault action.
 * @example
 * const type: FaultActionType = 'drop-heartbeats'
 */
export type FaultActionType = FaultAction['type']

/**
 * A fault as it is added.
 * @example
 * const rule: FaultRule = { match: { operationId: 'findInstances' }, action: { type: 'latency', ms: 500 }, probability: 0.3, seed: 7 }
 */
export interface FaultRule {
  /** Chosen id (letters, digits, `.`, `_`, `-`); default: a generated `fault-<n>`. */
  id?: string
  match?: FaultMatch
  action: FaultAction
  /** Applies to the next `times` matching calls only, then retires; default: until cleared. */
  times?: number
  /** Applies to each matching call with this probability (0–1), drawn from a seeded generator. */
  probability?: number
  /** Seed of the probability generator; default 1, so a run is repeatable. */
  seed?: number
}

/**
 * A fault as it is listed.
 * @example
 * const [first]: ActiveFault[] = mock.faults.list() // { id: 'fault-1', hits: 2, remaining: 1, … }
 */
export interface ActiveFault extends FaultRule {
  id: string
  /** How many calls it has applied to so far. */
  hits: number
  /** Applications left before it retires; only for rules added with `times`. */
  remaining?: number
}

/**
 * One entry of the request log.
 * @example
 * const entry: RequestLogEntry = { seq: 1, time: '2026-01-01T00:00:00.000Z', method: 'GET', url: '/v4/default/registry/version', operationId: 'getVersion', status: 200, durationMs: 0.4 }
 */
export interface RequestLogEntry {
  seq: number
  /** ISO time on the wall clock. */
  time: string
  method: string
  /** Path and query. */
  url: string
  /** The spec operationId, when the call matched one. */
  operationId?: string
  /** HTTP status; `0` when a `network` fault failed the connection. */
  status: number
  durationMs: number
  /** Ids of the faults applied to the call. */
  faults?: string[]
  /** The tenant, `domain/project`. */
  tenant?: string
  /** The `serviceId` (or `consumerId`, `providerId`) in the path, when there is one. */
  serviceId?: string
}

/**
 * What a request log with capture on kept of one call: headers and bodies, each body cut at
 * the log's `maxBodyBytes` (`truncated` then says how long it was).
 * @example
 * const exchange: CapturedExchange = { request: { headers: {}, body: '{}' }, response: { headers: {}, body: '' } }
 */
export interface CapturedExchange {
  request: CapturedMessage
  response: CapturedMessage
}

/**
 * One side of a {@link CapturedExchange}.
 * @example
 * const message: CapturedMessage = { headers: { 'content-type': 'application/json' }, body: '{"a":1}' }
 */
export interface CapturedMessage {
  headers: Record<string, string>
  /** The body as text (the request's as the JSON it decoded to); absent when there was none. */
  body?: string
  /** The full length in characters when `body` was cut. */
  truncated?: number
}

/**
 * Narrows `RequestLog.list()`; every given field must match.
 * @example
 * const filter: RequestLogFilter = { operationId: 'heartbeat', status: 200 }
 */
export interface RequestLogFilter {
  operationId?: string
  /** HTTP method, case-insensitive. */
  method?: string
  status?: number
}
