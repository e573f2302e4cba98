let lastMs = Number.NaN
let lastIso = ''

/**
 * `new Date(ms).toISOString()`, kept for the last millisecond asked: a server answering
 * thousands of calls a second stamps many of them with the same one.
 * @example
 * isoTime(Date.now()) // '2026-12-02T02:40:00.000Z'
 */
export function isoTime(ms: number): string {
  if (ms !== lastMs) {
    lastIso = new Date(ms).toISOString()
    lastMs = ms
  }
  return lastIso
}
