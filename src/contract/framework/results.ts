/**
 * The `errorCode` of an error answer, whatever its type, or `undefined`.
 * @example
 * errorCodeOf(await api.GET(…)) // '400012'
 */
export function errorCodeOf(result: { error?: unknown }): unknown {
  const error = result.error
  return typeof error === 'object' && error !== null && 'errorCode' in error
    ? error.errorCode
    : undefined
}

/**
 * A short JSON rendering of a value for failure messages.
 * @example
 * show({ a: 1 }) // '{"a":1}'
 */
export function show(value: unknown, max = 160): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value)
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/**
 * Whether two string maps hold the same pairs (a missing map counts as empty).
 * @example
 * sameMap({ a: '1' }, { a: '1' }) // true
 */
export function sameMap(
  actual: Record<string, string> | undefined,
  expected: Record<string, string>,
): boolean {
  const left = Object.entries(actual ?? {}).sort()
  const right = Object.entries(expected).sort()
  return JSON.stringify(left) === JSON.stringify(right)
}
