import { RegistryError } from '../errors.ts'

/**
 * How many accounts and roles Service Center holds: `quota.cap.account.limit` (1000) and
 * `quota.cap.role.limit` (100), or `QUOTA_ACCOUNT` / `QUOTA_ROLE`. `root` and the built-in
 * roles count, as they are stored like any other.
 * @example
 * const quotas: RbacQuotas = { accounts: 1000, roles: 100 }
 */
export interface RbacQuotas {
  accounts: number
  roles: number
}

/** Service Center 2.2.0's defaults. */
export const DEFAULT_RBAC_QUOTAS: Readonly<RbacQuotas> = Object.freeze({
  accounts: 1000,
  roles: 100,
})

/**
 * Service Center's quota check before one more account or role is stored: 400203 or 400204,
 * with the detail its quota plugin writes.
 * @example
 * applyQuota('account', 1000, 1000) // throws 400203 "No quota to create account"
 */
export function applyQuota(kind: 'account' | 'role', limit: number, used: number): void {
  if (used + 1 <= limit) return
  const type = kind === 'account' ? 'ACCOUNT' : 'ROLE'
  throw new RegistryError(
    kind === 'account' ? '400203' : '400204',
    `Not enough quota(no quota to create ${type}, max num is ${limit}, curNum is ${used}, apply num is 1)`,
  )
}
