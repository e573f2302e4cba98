/**
 * Instance bodies the HTTP layer has already validated against the spec's `MicroServiceInstance`
 * (through `RegisterInstanceRequest`), so the registry need not check the record it builds from
 * one a second time. Every step from such a body to the stored record keeps it valid: the
 * fields the registry adds (ids, version, timestamps, `status` `UP`, a normalised health
 * check) are valid by construction, and dropping empty values removes nothing the schema
 * requires. Internal to the package: no entry point exports it, so a direct caller of
 * `Registry.registerInstance` always has its record checked.
 */
const checked = new WeakSet<object>()

/**
 * Marks an instance body that the spec's validator has just passed, for the one registration
 * it is handed to.
 * @example
 * markCheckedInstance(body.instance)
 */
export function markCheckedInstance(instance: object): void {
  checked.add(instance)
}

/**
 * Whether `instance` was marked by `markCheckedInstance`; the mark is used up, so it vouches
 * for one registration only.
 * @example
 * if (!takeCheckedInstance(input)) await checkRecord(core.schemas.instance, record)
 */
export function takeCheckedInstance(instance: unknown): boolean {
  if (typeof instance !== 'object' || instance === null) return false
  return checked.delete(instance)
}
