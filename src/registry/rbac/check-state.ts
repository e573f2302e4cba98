import { RegistryUsageError } from '../errors.ts'
import { isPasswordHash } from './passwords.ts'
import type { RbacState } from './rbac.ts'

/**
 * Checks the RBAC part of a snapshot before it replaces the accounts and roles: every account
 * has a name, roles and a password hash (never a clear password), every role a name.
 * @example
 * const state = checkRbacState(snapshot.rbac)
 */
export function checkRbacState(state: unknown): RbacState {
  const fail = (reason: string): never => {
    throw new RegistryUsageError(
      'ERR_SNAPSHOT_RBAC',
      `Failed to restore the snapshot: rbac ${reason}. Pass the rbac section of a snapshot the mock wrote.`,
    )
  }
  const value = state as Partial<RbacState> | null
  if (typeof value !== 'object' || value === null) fail('is not an object')
  if (!Array.isArray(value?.accounts) || !Array.isArray(value?.roles))
    fail('needs accounts and roles arrays')
  value!.accounts!.forEach((account, i) => {
    if (typeof account?.name !== 'string' || account.name === '')
      fail(`accounts[${i}].name is missing`)
    if (!Array.isArray(account.roles)) fail(`accounts[${i}].roles is not an array`)
    if (!isPasswordHash(account.password)) fail(`accounts[${i}].password is not a password hash`)
  })
  value!.roles!.forEach((role, i) => {
    if (typeof role?.name !== 'string' || role.name === '') fail(`roles[${i}].name is missing`)
  })
  return value as RbacState
}
