import type { ServerResponse } from 'node:http'
import { canonicalHeaderName } from './canonical-header.ts'

/** Headers Go's server writes after the sorted header map, in this order. */
const WRITTEN_LAST = ['Content-Length', 'Connection']

/**
 * The headers of an answer as one flat `[name, value, …]` list in the order Go's `net/http`
 * writes them: the headers already set on the response (`Server`, `Vary`, …) and the answer's
 * own, sorted by name, then `Content-Length` and `Connection`. Moves the preset ones out of the
 * response, so `writeHead` writes each exactly once, in this order.
 * @example
 * res.writeHead(200, goOrderedHeaders(res, { 'Content-Type': 'application/json; charset=UTF-8' }))
 */
export function goOrderedHeaders(
  res: ServerResponse,
  headers: Record<string, string | string[]>,
): string[] {
  const pairs: [string, string][] = []
  const add = (name: string, value: string | number | readonly string[] | undefined) => {
    if (value === undefined) return
    if (Array.isArray(value)) for (const item of value) pairs.push([name, String(item)])
    else pairs.push([name, String(value)])
  }
  for (const lower of res.getHeaderNames()) {
    const name = canonicalHeaderName(lower)
    if (!(name in headers)) add(name, res.getHeader(lower))
    res.removeHeader(lower)
  }
  for (const [name, value] of Object.entries(headers)) add(name, value)
  pairs.sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
  return pairs.flat()
}

function rank(name: string): number {
  return WRITTEN_LAST.indexOf(name) + 1
}
