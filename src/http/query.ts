import { RegistryError } from '../registry/errors.ts'

/**
 * Reads a strict boolean flag such as `force`: `true|false|1|0`, absent = false; anything else
 * is 400001, as the registry answers (reference §4.4).
 * @example
 * strictFlag(new URLSearchParams('force=1'), 'force') // true
 */
export function strictFlag(query: URLSearchParams, name: string): boolean {
  const value = query.get(name)
  if (value === null || value === '' || value === 'false' || value === '0') return false
  if (value === 'true' || value === '1') return true
  throw new RegistryError('400001', `parameter ${name} must be false or true`)
}

/**
 * Reads a lenient flag such as `withShared`: `true` or `1`, case-insensitive; anything else is off.
 * @example
 * lenientFlag(new URLSearchParams('withShared=TRUE'), 'withShared') // true
 */
export function lenientFlag(query: URLSearchParams, name: string): boolean {
  const value = query.get(name)?.toLowerCase()
  return value === 'true' || value === '1'
}

/**
 * Reads a comma-separated list (`tags=a,b`), dropping empty entries; absent = undefined.
 * @example
 * listParam(new URLSearchParams('tags=a,b'), 'tags') // ['a', 'b']
 */
export function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const value = query.get(name)
  if (value === null) return undefined
  const items = value.split(',').filter((item) => item !== '')
  return items.length > 0 ? items : undefined
}
