/**
 * Instance bodies the HTTP layer has already validated against the spec's `MicroServiceInstance`
 * (through `RegisterInstanceRequest`), so the registry need not check the record it builds from
 * one a second time. Every step from such a body to the stored record keeps it valid: the
 * fields the registry adds (ids, version, timestamps, `status` `UP`, a normalised health
 * check) are valid by construction, and dropping empty values removes nothing the schema
 * requires. Internal to the package: no entry point exports it, so a direct caller of
 * `Registry.registerInstance` always has its record checked.
 */
// One slot, not a WeakSet: a registration takes its mark within the same turn it was made
// (the write queue runs it without a real await), and an ephemeron per request cost the
// garbage collector more than the check it saves. A mark overwritten before it was taken only
// means that registration's record is checked after all.
let marked: object | undefined

/**
 * Marks an instance body that the spec's validator has just passed, for the one registration
 * it is handed to.
 * @example
 * markCheckedInstance(body.instance)
 */
export function markCheckedInstance(instance: object): void {
  marked = instance
}

/**
 * Whether `instance` is the body `markCheckedInstance` marked last; the mark is used up, so it
 * vouches for one registration only.
 * @example
 * if (!takeCheckedInstance(input)) await checkRecord(core.schemas.instance, record)
 */
export function takeCheckedInstance(instance: unknown): boolean {
  if (marked === undefined || instance !== marked) return false
  marked = undefined
  return true
}
