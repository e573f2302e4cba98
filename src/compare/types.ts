/** One request of a comparison sequence, sent alike to both endpoints. */
export interface CompareStep {
  /** What the step shows, e.g. `find: unknown service`. */
  name: string
  method: string
  /** Path and query; `{name}` is replaced by the value captured under that name on each side. */
  path: string
  /** Request headers, names sent exactly as written; values may hold `{name}` too. */
  headers?: Record<string, string>
  /** Raw body text (sent as is) or a JSON value (serialised); may hold `{name}`. */
  body?: string | unknown
  /** Ask for a websocket upgrade; a 101 answer is read for its first message, then closed. */
  upgrade?: boolean
  /** Capture values of the JSON answer: variable name to a dotted path such as `serviceId`. */
  capture?: Record<string, string>
  /**
   * Read steps are re-sent (both sides) until they agree or the settle window ends, because a
   * real Service Center answers reads from a cache that sees writes a moment later.
   */
  settle?: boolean
}

/** What one endpoint answered, as read off the wire. */
export interface Exchange {
  status: number
  /** Header names exactly as sent, in order, with their values. */
  headers: readonly (readonly [string, string])[]
  body: string
  /** First websocket message after a 101, or why none came. */
  message?: string
  /** Network failure instead of an answer. */
  error?: string
}

/** Where two answers to one step differ. */
export interface Difference {
  kind:
    | 'status'
    | 'header'
    | 'header-case'
    | 'header-value'
    | 'body-shape'
    | 'body-value'
    | 'message'
  /** Header name or JSON path (`$.instances[].status`); empty for status. */
  where: string
  left: string
  right: string
}

/** One step with both answers and what differs. */
export interface StepResult {
  step: CompareStep
  left: Exchange
  right: Exchange
  differences: Difference[]
}
