import { RegistryUsageError } from '../errors.ts'
import { isPasswordHash } from './passwords.ts'
import type { RbacQuotas } from './quotas.ts'
import type { RbacState } from './rbac.ts'

/**
 * The most login-failure locks a snapshot may hold: one per account name and client address,
 * so a fixture never needs more than the accounts' quota times a few addresses.
 */
export const MAX_SNAPSHOT_LOCKS = 100_000

/** The latest release time a lock may carry, in Unix seconds (as the seed's `epochSeconds`). */
const MAX_RELEASE_AT = 100_000_000_000

/**
 * Checks the RBAC part of a snapshot before it replaces the accounts, roles and locks: every
 * account has a name, roles and a password hash (never a clear password), every role a name,
 * no more of either than the quotas allow, and every lock a `name::address` key, a status
 * (`attempted` or `banned`) and a release time in Unix seconds.
 * @example
 * const state = checkRbacState(snapshot.rbac, { accounts: 1000, roles: 100 })
 */
export function checkRbacState(state: unknown, quotas: RbacQuotas): RbacState {
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
  const { accounts, roles, locks } = value as RbacState
  if (accounts.length > quotas.accounts)
    fail(`has ${accounts.length} accounts, over the quota of ${quotas.accounts}`)
  if (roles.length > quotas.roles)
    fail(`has ${roles.length} roles, over the quota of ${quotas.roles}`)
  accounts.forEach((account, i) => {
    if (typeof account?.name !== 'string' || account.name === '')
      fail(`accounts[${i}].name is missing`)
    if (!Array.isArray(account.roles)) fail(`accounts[${i}].roles is not an array`)
    if (!isPasswordHash(account.password)) fail(`accounts[${i}].password is not a password hash`)
  })
  roles.forEach((role, i) => {
    if (typeof role?.name !== 'string' || role.name === '') fail(`roles[${i}].name is missing`)
  })
  if (locks === undefined) return value as RbacState
  if (!Array.isArray(locks)) fail('locks is not an array')
  if (locks.length > MAX_SNAPSHOT_LOCKS)
    fail(`has ${locks.length} locks, more than ${MAX_SNAPSHOT_LOCKS}`)
  const keys = new Set<string>()
  locks.forEach((lock, i) => {
    if (typeof lock?.key !== 'string' || !/^.+::.+$/s.test(lock.key))
      fail(`locks[${i}].key is not "<name>::<address>"`)
    if (keys.has(lock.key)) fail(`locks[${i}].key ${JSON.stringify(lock.key)} is there twice`)
    keys.add(lock.key)
    if (lock.status !== 'attempted' && lock.status !== 'banned')
      fail(`locks[${i}].status is not "attempted" or "banned"`)
    if (
      !Number.isSafeInteger(lock.releaseAt) ||
      lock.releaseAt < 0 ||
      lock.releaseAt > MAX_RELEASE_AT
    )
      fail(`locks[${i}].releaseAt is not Unix seconds from 0 to ${MAX_RELEASE_AT}`)
  })
  return value as RbacState
}
