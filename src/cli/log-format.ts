import type { RequestLogEntry } from '../faults/types.ts'

/** How the CLI writes its lines: readable text, or one JSON object per line. */
export type LogFormat = 'text' | 'json'

/**
 * One request as a log line. Text: `time method url status duration operationId`, with
 * `dropped` as the status of a connection cut by a network fault.
 * @example
 * formatRequestLine(entry, 'text') // '2026-11-23T14:00:00.000Z GET /v4/default/registry/health 200 0.4ms getHealth'
 */
export function formatRequestLine(entry: RequestLogEntry, format: LogFormat): string {
  const durationMs = Math.round(entry.durationMs * 10) / 10
  if (format === 'json') {
    return JSON.stringify({
      time: entry.time,
      method: entry.method,
      url: entry.url,
      status: entry.status,
      durationMs,
      ...(entry.operationId ? { operationId: entry.operationId } : {}),
    })
  }
  const status = entry.status === 0 ? 'dropped' : String(entry.status)
  const operation = entry.operationId ? ` ${entry.operationId}` : ''
  return `${entry.time} ${entry.method} ${entry.url} ${status} ${durationMs.toFixed(1)}ms${operation}`
}

/**
 * A lifecycle message (listening, stopping, snapshot written). Text: the message as is. JSON:
 * the message plus its fields, so log shippers can read both.
 * @example
 * formatEvent('listening', 'cse-mock listening on http://127.0.0.1:30100', { url: 'http://127.0.0.1:30100' }, 'json')
 */
export function formatEvent(
  event: string,
  message: string,
  fields: Record<string, unknown>,
  format: LogFormat,
): string {
  if (format === 'text') return message
  return JSON.stringify({ time: new Date().toISOString(), event, message, ...fields })
}
