import { RegistryError } from '../errors.ts'
import type { Account, StoredAccount } from './model.ts'

/**
 * The account as the API shows it: the stored record without its password.
 * @example
 * publicAccount(stored) // { id, name, roles, status, createTime, updateTime }
 */
export function publicAccount(stored: StoredAccount): Account {
  const { password: _password, ...rest } = stored
  return { ...rest, roles: [...rest.roles] }
}

/**
 * Reads the account fields of a decoded body the way Go's decoder fills a struct: absent
 * strings are `''`, absent lists empty; a wrong type is 400001.
 * @example
 * accountFields({ name: 'dev', roles: ['developer'] }) // { name: 'dev', password: '', roles: ['developer'], status: '', currentPassword: '' }
 */
export function accountFields(body: unknown) {
  const value = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  const text = (key: string) => {
    const field = value[key]
    if (field === undefined || field === null) return ''
    if (typeof field !== 'string') throw typeError(typeof field, key, 'string')
    return field
  }
  const roles = value.roles
  if (roles !== undefined && roles !== null && !Array.isArray(roles)) {
    throw typeError(typeof roles, 'roles', '[]string')
  }
  const list = (roles ?? []) as unknown[]
  for (const role of list)
    if (typeof role !== 'string') throw typeError(typeof role, 'roles', 'string')
  return {
    name: text('name'),
    password: text('password'),
    roles: list as string[],
    status: text('status'),
    currentPassword: text('currentPassword'),
    tokenExpirationTime: text('tokenExpirationTime'),
  }
}

function typeError(actual: string, field: string, expected: string): RegistryError {
  const kind = actual === 'object' ? 'object' : actual === 'boolean' ? 'bool' : actual
  return new RegistryError(
    '400001',
    `json: cannot unmarshal ${kind} into Go struct field Account.${field} of type ${expected}`,
  )
}
