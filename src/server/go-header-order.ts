import type { ServerResponse } from 'node:http'
import { canonicalHeaderName } from './canonical-header.ts'

/** Headers Go's server writes after the sorted header map, in this order. */
const WRITTEN_LAST = ['Content-Length', 'Connection']

const PRESET = Symbol('cse-mock preset headers')

/** One header's value, or the values of a repeated one. */
export type HeaderValue = string | number | readonly string[]

interface WithPreset {
  [PRESET]?: Record<string, HeaderValue>
}

/**
 * Sets a header every answer to this request carries (`Server`, `Vary`, …) without Node's
 * `setHeader`: headers set that way make `writeHead` merge them one by one on every answer,
 * while a response with none takes the flat list `goOrderedHeaders` builds as it is.
 * @example
 * presetHeader(res, 'Server', 'SERVICECENTER/2.2.0')
 */
export function presetHeader(res: ServerResponse, name: string, value: HeaderValue): void {
  const holder = res as ServerResponse & WithPreset
  const preset = holder[PRESET]
  if (preset) preset[name] = value
  else holder[PRESET] = { [name]: value }
}

/**
 * The headers of an answer as one flat `[name, value, …]` list in the order Go's `net/http`
 * writes them: the preset ones (see `presetHeader`), any set on the response with `setHeader`
 * and the answer's own, sorted by name, then `Content-Length` and `Connection`. An answer's
 * own header wins over a preset one of the same name. Moves the ones set on the response out of
 * it, so `writeHead` writes each exactly once, in this order.
 * @example
 * res.writeHead(200, goOrderedHeaders(res, { 'Content-Type': 'application/json; charset=UTF-8' }))
 */
export function goOrderedHeaders(
  res: ServerResponse,
  headers: Record<string, string | string[]>,
): string[] {
  const names: string[] = []
  const values: HeaderValue[] = []
  const preset = (res as ServerResponse & WithPreset)[PRESET]
  if (preset) {
    for (const name in preset) {
      if (!(name in headers)) {
        names.push(name)
        values.push(preset[name]!)
      }
    }
  }
  for (const lower of res.getHeaderNames()) {
    const name = canonicalHeaderName(lower)
    const value = res.getHeader(lower)
    res.removeHeader(lower)
    if (value === undefined || name in headers) continue
    const at = names.indexOf(name)
    if (at >= 0) values[at] = value
    else {
      names.push(name)
      values.push(value)
    }
  }
  for (const name in headers) {
    names.push(name)
    values.push(headers[name]!)
  }
  return flattenInGoOrder(names, values)
}

/**
 * Header names and their values (`values[i]` for `names[i]`, a list for a repeated header) as
 * one flat `[name, value, …]` list in Go's order: sorted by name, then `Content-Length` and
 * `Connection`.
 * @example
 * flattenInGoOrder(['Vary', 'Content-Length', 'Server'], [['Origin'], '2', 'SC']) // ['Server', 'SC', 'Vary', 'Origin', 'Content-Length', '2']
 */
export function flattenInGoOrder(
  names: readonly string[],
  values: readonly HeaderValue[],
): string[] {
  // Insertion sort of indexes: a handful of headers, and no pair objects.
  const order: number[] = []
  for (let i = 0; i < names.length; i++) {
    let at = order.length
    while (at > 0 && before(names[i]!, names[order[at - 1]!]!)) at--
    order.splice(at, 0, i)
  }
  const flat: string[] = []
  for (const i of order) {
    const value = values[i]!
    if (Array.isArray(value)) for (const item of value) flat.push(names[i]!, String(item))
    else flat.push(names[i]!, String(value))
  }
  return flat
}

/** Go's order: sorted by name, then the ones it writes last. */
function before(a: string, b: string): boolean {
  const rankA = WRITTEN_LAST.indexOf(a)
  const rankB = WRITTEN_LAST.indexOf(b)
  if (rankA !== rankB) return rankA < rankB
  return a < b
}
