import { diffValues, summary } from './diff-values.ts'
import type { IdMap } from './id-map.ts'
import { normaliseBody, normaliseHeaderValue, stable } from './normalise.ts'
import type { Difference, Exchange } from './types.ts'

/**
 * Compares two answers to the same request: status, header names in their exact case (a name
 * sent in another case is a `header-case` difference), normalised header values, and the
 * normalised body by shape and value.
 * @example
 * const differences = compareExchanges(leftAnswer, rightAnswer, ids)
 * differences.filter((d) => d.kind === 'status')
 */
export function compareExchanges(left: Exchange, right: Exchange, ids: IdMap): Difference[] {
  if (left.error || right.error) {
    if (left.error === right.error) return []
    return [
      {
        kind: 'status',
        where: '',
        left: left.error ?? String(left.status),
        right: right.error ?? String(right.status),
      },
    ]
  }
  const out: Difference[] = []
  if (left.status !== right.status) {
    out.push({ kind: 'status', where: '', left: String(left.status), right: String(right.status) })
  }
  out.push(...compareHeaders(left, right, ids))
  const a = normaliseBody(left.body, ids, 'left')
  const b = normaliseBody(right.body, ids, 'right')
  if (stable(a) !== stable(b)) out.push(...diffValues(a, b))
  if (left.message !== right.message) {
    const m = left.message === undefined ? 'none' : ids.label('left', left.message)
    const n = right.message === undefined ? 'none' : ids.label('right', right.message)
    if (m !== n)
      out.push({ kind: 'message', where: 'websocket', left: summary(m), right: summary(n) })
  }
  return out
}

function grouped(exchange: Exchange) {
  const byName = new Map<string, string[]>()
  for (const [name, value] of exchange.headers)
    byName.set(name, [...(byName.get(name) ?? []), value])
  return byName
}

function compareHeaders(left: Exchange, right: Exchange, ids: IdMap): Difference[] {
  const a = grouped(left)
  const b = grouped(right)
  const out: Difference[] = []
  const lowerB = new Map([...b.keys()].map((name) => [name.toLowerCase(), name]))
  const lowerA = new Map([...a.keys()].map((name) => [name.toLowerCase(), name]))
  for (const [name, values] of a) {
    const other = b.get(name)
    if (other) {
      const x = values.map((v) => normaliseHeaderValue(name, v, ids, 'left')).join(', ')
      const y = other.map((v) => normaliseHeaderValue(name, v, ids, 'right')).join(', ')
      if (x !== y) out.push({ kind: 'header-value', where: name, left: x, right: y })
      continue
    }
    const sameLetters = lowerB.get(name.toLowerCase())
    if (sameLetters) out.push({ kind: 'header-case', where: name, left: name, right: sameLetters })
    else out.push({ kind: 'header', where: name, left: values.join(', '), right: 'absent' })
  }
  for (const [name, values] of b) {
    if (!a.has(name) && !lowerA.has(name.toLowerCase())) {
      out.push({ kind: 'header', where: name, left: 'absent', right: values.join(', ') })
    }
  }
  return out
}
