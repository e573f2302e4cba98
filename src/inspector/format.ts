/**
 * The colour class of an HTTP status: `ok`, `redirect`, `client`, `server` or `network` (0).
 * @example
 * statusClass(503) // 'server'
 */
export function statusClass(status: number): string {
  if (status === 0) return 'network'
  if (status < 300) return 'ok'
  if (status < 400) return 'redirect'
  if (status < 500) return 'client'
  return 'server'
}

/**
 * A duration in ms as a short countdown: `1m 58s`, `42s`, `expired`.
 * @example
 * countdown(118_000) // '1m 58s'
 */
export function countdown(ms: number): string {
  if (ms <= 0) return 'expired'
  const seconds = Math.ceil(ms / 1000)
  if (seconds < 60) return `${seconds}s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`
}

/**
 * A wall-clock time of day with milliseconds, from an ISO string.
 * @example
 * timeOfDay('2026-01-01T12:34:56.789Z') // '12:34:56.789' (in UTC)
 */
export function timeOfDay(iso: string): string {
  return iso.slice(11, 23)
}

/**
 * A millisecond duration with the precision it deserves.
 * @example
 * duration(0.42) // '0.42 ms'
 */
export function duration(ms: number): string {
  if (ms < 10) return `${ms.toFixed(2)} ms`
  if (ms < 1000) return `${ms.toFixed(1)} ms`
  return `${(ms / 1000).toFixed(2)} s`
}

/**
 * Pretty-prints a body when it is JSON, else returns it as it is.
 * @example
 * prettyBody('{"a":1}') // '{\n  "a": 1\n}'
 */
export function prettyBody(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}
