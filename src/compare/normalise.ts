import type { IdMap, Side } from './id-map.ts'

/** Object keys whose values are times and so always differ between two registries. */
const TIME_KEYS = new Set(['timestamp', 'modTimestamp', 'createTime', 'updateTime', 'exp'])
/** Object keys whose values are revisions or other derived hashes. */
const REVISION_KEYS = new Set(['rev', 'revision', 'buildTag', 'goVersion', 'token'])
const HEX40 = /\b[0-9a-f]{40}\b/g
const HEX32 = /\b[0-9a-f]{32}\b/g
const UNIX_SECONDS = /^\d{10}$/

/**
 * Rewrites one answer body so that two registries' answers to the same request compare equal
 * when they mean the same: learned ids become `<name>`, other 40/32-hex ids `<hex40>`/`<hex32>`,
 * times `<time>`, revisions `<rev>`; arrays are sorted (the registry promises no order).
 * Returns the JSON value, or the text itself when the body is not JSON.
 * @example
 * normaliseBody('{"serviceId":"52ce…","timestamp":"1796168655"}', ids, 'right')
 * // { serviceId: '<provider>', timestamp: '<time>' }
 */
export function normaliseBody(text: string, ids: IdMap, side: Side): unknown {
  if (text === '') return ''
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return normaliseText(text, ids, side)
  }
  return normaliseValue(parsed, ids, side, '')
}

/**
 * Normalises a header value: revisions and ids are replaced, `Allow` is sorted, the rest is kept.
 * @example
 * normaliseHeaderValue('X-Resource-Revision', '97784746…', ids, 'left') // '<rev>'
 */
export function normaliseHeaderValue(name: string, value: string, ids: IdMap, side: Side) {
  const lower = name.toLowerCase()
  if (lower === 'x-resource-revision') return value === '' ? '' : '<rev>'
  if (lower === 'date' || lower === 'content-length') return `<${lower}>`
  // A set of methods: Service Center lists them in Go's map order, which changes from call to call.
  if (lower === 'allow') return value.split(/,\s*/).sort().join(', ')
  return normaliseText(value, ids, side)
}

function normaliseText(text: string, ids: IdMap, side: Side) {
  return ids.label(side, text).replace(HEX40, '<hex40>').replace(HEX32, '<hex32>')
}

function normaliseValue(value: unknown, ids: IdMap, side: Side, key: string): unknown {
  if (typeof value === 'string') {
    if (TIME_KEYS.has(key) && (UNIX_SECONDS.test(value) || value === '')) return '<time>'
    if (REVISION_KEYS.has(key) && value !== '') return '<rev>'
    return normaliseText(value, ids, side)
  }
  if (typeof value === 'number' && TIME_KEYS.has(key)) return '<time>'
  if (Array.isArray(value)) {
    const items = value.map((item) => normaliseValue(item, ids, side, key))
    return items.sort((a, b) => stable(a).localeCompare(stable(b)))
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [name, item] of Object.entries(value)) {
      out[normaliseText(name, ids, side)] = normaliseValue(item, ids, side, name)
    }
    return out
  }
  return value
}

/**
 * JSON text with object keys sorted, for ordering and equality of normalised values.
 * @example
 * stable({ b: 1, a: 2 }) // '{"a":2,"b":1}'
 */
export function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'undefined'
}
