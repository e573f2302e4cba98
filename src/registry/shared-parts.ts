import type { MicroServiceInstance } from './model.ts'

/** Distinct parts kept at most; past it, records keep their own copies (nothing is dropped). */
const MAX_PARTS = 1024

/**
 * Equal small parts of instance records (`healthCheck`, `dataCenterInfo`), one object each:
 * most instances of a registry share a handful of them, and a stored record is never changed
 * in place (every answer, snapshot and watch event copies it), so sharing is not observable.
 * Saves an object per part per instance (about 40 bytes each).
 * @example
 * const parts = new SharedParts()
 * parts.share(record)
 */
export class SharedParts {
  #parts = new Map<string, object>()

  /**
   * Points `record`'s small parts at the shared equal ones (`record` is one about to be stored).
   * `previous` is the record it replaces, if any: a part equal to its part is that part.
   */
  share(record: MicroServiceInstance, previous?: MicroServiceInstance): void {
    const { healthCheck, dataCenterInfo } = record
    if (healthCheck) {
      record.healthCheck = sameFlat(healthCheck, previous?.healthCheck)
        ? previous!.healthCheck!
        : this.#shared(healthCheck)
    }
    if (dataCenterInfo) {
      record.dataCenterInfo = sameFlat(dataCenterInfo, previous?.dataCenterInfo)
        ? previous!.dataCenterInfo!
        : this.#shared(dataCenterInfo)
    }
  }

  #shared<T extends object>(part: T): T {
    const key = keyOf(part)
    if (key === undefined) return part
    const known = this.#parts.get(key)
    if (known) return known as T
    if (this.#parts.size < MAX_PARTS) this.#parts.set(key, part)
    return part
  }
}

/** A key naming the part's own fields, their order and values; none for nested values. */
function keyOf(part: object): string | undefined {
  if (Object.getPrototypeOf(part) !== Object.prototype) return undefined
  let key = ''
  for (const [name, value] of Object.entries(part)) {
    const type = typeof value
    if (type !== 'string' && type !== 'number' && type !== 'boolean') return undefined
    key += `${JSON.stringify(name)}:${type === 'string' ? JSON.stringify(value) : String(value)},`
  }
  return key
}

/**
 * Whether `part` and `other` would get the same `keyOf`: plain objects with the same fields in
 * the same order and equal string, number or boolean values. Cheaper than building both keys.
 */
function sameFlat(part: object, other: object | undefined): boolean {
  if (other === undefined) return false
  if (Object.getPrototypeOf(part) !== Object.prototype) return false
  if (Object.getPrototypeOf(other) !== Object.prototype) return false
  const names = Object.keys(part)
  const others = Object.keys(other)
  if (names.length !== others.length) return false
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!
    if (others[i] !== name) return false
    const value = (part as Record<string, unknown>)[name]
    const type = typeof value
    if (type !== 'string' && type !== 'number' && type !== 'boolean') return false
    if ((other as Record<string, unknown>)[name] !== value) return false
  }
  return true
}
