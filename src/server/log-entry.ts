import { isoTime } from '../faults/iso-time.ts'
import type { RequestLogEntry } from '../faults/types.ts'
import { findOperation } from '../http/operations.ts'

/**
 * The entry the server's `onRequest` receives for one request, whichever path answered it:
 * the operation named when it ran, or looked up from the method and path.
 * @example
 * logEntryOf('GET', '/v4/default/registry/version', 1, Date.now(), 200, 0.4, 'getVersion')
 */
export function logEntryOf(
  method: string,
  url: string,
  seq: number,
  time: number,
  status: number,
  durationMs: number,
  operationId: string | undefined,
): RequestLogEntry {
  const entry: RequestLogEntry = { seq, time: isoTime(time), method, url, status, durationMs }
  const named =
    operationId ?? findOperation(method, url.split('?', 1)[0] ?? url)?.operation.operationId
  if (named) entry.operationId = named
  return entry
}
