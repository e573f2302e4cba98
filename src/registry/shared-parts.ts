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

  /** Points `record`'s small parts at the shared equal ones (`record` is one about to be stored). */
  share(record: MicroServiceInstance): void {
    if (record.healthCheck) record.healthCheck = this.#shared(record.healthCheck)
    if (record.dataCenterInfo) record.dataCenterInfo = this.#shared(record.dataCenterInfo)
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
