import { RegistryError } from '../errors.ts'
import type { Caller } from './model.ts'

/**
 * Reads the `account` and `roles` claims of a verified token as Service Center does (an old
 * `role` claim too); 401201 with its detail when they are missing or of the wrong type.
 * @example
 * callerOf({ account: 'root', exp: 1, roles: ['admin'] }) // { name: 'root', roles: ['admin'] }
 */
export function callerOf(claims: Record<string, unknown>): Caller {
  const name = claims.account
  if (typeof name !== 'string') throw new RegistryError('401201', 'type convert error')
  let roles: string[]
  if ('role' in claims) {
    if (typeof claims.role !== 'string')
      throw new RegistryError('401201', 'convert role to string failed')
    roles = [claims.role]
  } else if (!('roles' in claims)) {
    throw new RegistryError('401201', 'token contains no valid roles')
  } else if (
    !Array.isArray(claims.roles) ||
    claims.roles.some((role) => typeof role !== 'string')
  ) {
    throw new RegistryError('401201', 'type convert error')
  } else {
    roles = claims.roles as string[]
  }
  if (roles.length === 0) throw new RegistryError('401201', 'no role found in token')
  return { name, roles }
}
