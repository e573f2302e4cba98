import { diffValues } from '../compare/diff-values.ts'
import type { IdMap } from '../compare/id-map.ts'
import { normaliseBody, stable } from '../compare/normalise.ts'
import type { Difference } from '../compare/types.ts'
import type { FirstFrame } from './first-frame.ts'

/**
 * Compares the first websocket messages of live and mock: a watch event by its `action`,
 * `type` and `key` (ids mapped, times normalised), a close by its code and reason, a missing
 * message as `none`. Differences are of kind `message`, placed under `ws$`.
 * @example
 * compareFirstEvents({ text: '{"action":"CREATE"}' }, { text: '{"action":"UPDATE"}' }, ids)
 */
export function compareFirstEvents(
  live: FirstFrame | undefined,
  mock: FirstFrame | undefined,
  ids: IdMap,
): Difference[] {
  const a = view(live, ids, 'left')
  const b = view(mock, ids, 'right')
  if (stable(a) === stable(b)) return []
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return [{ kind: 'message', where: 'ws$', left: stable(a), right: stable(b) }]
  }
  return diffValues(a, b, 'ws$').map((difference) => ({ ...difference, kind: 'message' as const }))
}

function view(frame: FirstFrame | undefined, ids: IdMap, side: 'left' | 'right'): unknown {
  if (!frame) return 'none'
  if ('close' in frame) return `close ${ids.label(side, frame.close)}`
  const value = normaliseBody(frame.text, ids, side)
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
  const event = value as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const key of ['action', 'type', 'key']) if (key in event) out[key] = event[key]
  return out
}
