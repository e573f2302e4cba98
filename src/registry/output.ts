/** Fields that are Go maps: their entries are kept as they are, only an empty map is dropped. */
const MAP_FIELDS = new Set(['properties', 'property', 'tags', 'LBStrategy'])

/**
 * A deep copy without empty strings, arrays, maps and zero numbers, the way the registry's
 * `omitempty` JSON looks (reference §1.4). Map entries themselves are kept, as Go keeps them.
 * Also drops the collection's internal symbol keys, so results never alias stored records.
 * @example
 * omitEmpty({ serviceId: 's', description: '', schemas: [], properties: { a: '' } }) // { serviceId: 's', properties: { a: '' } }
 */
export function omitEmpty<T extends object>(value: T): T {
  return (compactObject(value as Record<string, unknown>) ?? {}) as T
}

function compactObject(value: Record<string, unknown>): Record<string, unknown> | undefined {
  let out: Record<string, unknown> | undefined
  for (const key of Object.keys(value)) {
    const compacted = MAP_FIELDS.has(key) ? copyMap(value[key]) : compactValue(value[key])
    if (compacted === undefined) continue
    out ??= {}
    out[key] = compacted
  }
  return out
}

function compactValue(value: unknown): unknown {
  if (value === undefined || value === null || value === '' || value === 0 || value === false) {
    return undefined
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined
    return value.map((item) =>
      typeof item === 'object' && item !== null
        ? (compactObject(item as Record<string, unknown>) ?? {})
        : item,
    )
  }
  if (typeof value === 'object') return compactObject(value as Record<string, unknown>)
  return value
}

function copyMap(value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const keys = Object.keys(value)
  if (keys.length === 0) return undefined
  const out: Record<string, unknown> = {}
  for (const key of keys) {
    const entry = (value as Record<string, unknown>)[key]
    // Go stores a `__proto__` key as data, like any other: assigning it would set the
    // object's prototype instead, and the entry would vanish from the answer.
    if (key === '__proto__') {
      Object.defineProperty(out, key, {
        value: entry,
        enumerable: true,
        writable: true,
        configurable: true,
      })
    } else out[key] = entry
  }
  return out
}
