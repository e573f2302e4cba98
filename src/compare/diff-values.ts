import { stable } from './normalise.ts'
import type { Difference } from './types.ts'

/**
 * Lists where two normalised JSON values differ: a key or type on one side only is a
 * `body-shape` difference, the same shape with another value a `body-value` one. Array items
 * are compared in (normalised, sorted) order; their paths end in `[]`.
 * @example
 * diffValues({ a: 1 }, { a: 2, b: 3 }) // [{ kind: 'body-value', where: '$.a', … }, { kind: 'body-shape', where: '$.b', … }]
 */
export function diffValues(left: unknown, right: unknown, where = '$'): Difference[] {
  const leftType = typeOf(left)
  const rightType = typeOf(right)
  if (leftType !== rightType) {
    return [{ kind: 'body-shape', where, left: summary(left), right: summary(right) }]
  }
  if (leftType === 'array') {
    const a = left as unknown[]
    const b = right as unknown[]
    const out: Difference[] = []
    if (a.length !== b.length) {
      out.push({ kind: 'body-shape', where, left: `${a.length} items`, right: `${b.length} items` })
    }
    const count = Math.min(a.length, b.length)
    const seen = new Set<string>()
    for (let i = 0; i < count; i++) {
      for (const difference of diffValues(a[i], b[i], `${where}[]`)) {
        const key = `${difference.kind} ${difference.where}`
        if (!seen.has(key)) out.push(difference)
        seen.add(key)
      }
    }
    return out
  }
  if (leftType === 'object') {
    const a = left as Record<string, unknown>
    const b = right as Record<string, unknown>
    const out: Difference[] = []
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()
    for (const key of keys) {
      const path = `${where}.${key}`
      if (!(key in a))
        out.push({ kind: 'body-shape', where: path, left: 'absent', right: summary(b[key]) })
      else if (!(key in b))
        out.push({ kind: 'body-shape', where: path, left: summary(a[key]), right: 'absent' })
      else out.push(...diffValues(a[key], b[key], path))
    }
    return out
  }
  if (stable(left) === stable(right)) return []
  return [{ kind: 'body-value', where, left: summary(left), right: summary(right) }]
}

function typeOf(value: unknown) {
  if (Array.isArray(value)) return 'array'
  if (value === null) return 'null'
  return typeof value
}

/**
 * A short text for a value in a difference report (at most 120 characters).
 * @example
 * summary({ a: 1 }) // '{"a":1}'
 */
export function summary(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : stable(value)
  return text.length > 120 ? `${text.slice(0, 117)}...` : text
}
