import { RegistryError } from '../errors.ts'

const NAME_SOURCE = String.raw`^[a-zA-Z0-9]*$|^[a-zA-Z0-9][a-zA-Z0-9_\-.]*[a-zA-Z0-9]$`
const NAME = new RegExp(NAME_SOURCE)
const STATUS_SOURCE = '^(active|inactive)$|^$'
const NAME_RULE = `{Min: 1, Max: 64, Regexp: ${NAME_SOURCE}}`
const ROLES_RULE = `{Min: 1, Max: 5, Regexp: ${NAME_SOURCE}}`

/**
 * Service Center's password rule: 8–32 bytes with an upper-case letter, a lower-case letter,
 * a digit and a punctuation or symbol character.
 * @example
 * strongPassword('Dev#Pa55word') // true
 */
export function strongPassword(password: string): boolean {
  const bytes = new TextEncoder().encode(password).length
  return (
    bytes >= 8 &&
    bytes <= 32 &&
    /\p{Lu}/u.test(password) &&
    /\p{Ll}/u.test(password) &&
    /\p{N}/u.test(password) &&
    /[\p{P}\p{S}]/u.test(password)
  )
}

function invalid(type: string, field: string, value: string, rule: string): RegistryError {
  return new RegistryError(
    '400001',
    `field '${type}.${field}' invalid value '${value}' does not match rule: ${rule}`,
  )
}

function checkName(type: string, name: string): void {
  const length = [...name].length
  if (name.length < 1 || length > 64 || !NAME.test(name))
    throw invalid(type, 'Name', name, NAME_RULE)
}

function checkRoles(roles: string[]): void {
  if (roles.length < 1 || roles.length > 5)
    throw invalid('Account', 'Roles', `[${roles.join(' ')}]`, ROLES_RULE)
  const bad = roles.find((role) => !NAME.test(role))
  if (bad !== undefined) throw invalid('Account', 'Roles', bad, ROLES_RULE)
}

function checkStatus(status: string): void {
  if (!new RegExp(STATUS_SOURCE).test(status)) {
    throw invalid('Account', 'Status', status, `{Regexp: ${STATUS_SOURCE}}`)
  }
}

function checkPassword(password: string): void {
  if (!strongPassword(password))
    throw invalid('Account', 'Password', password, '{Regexp: password}')
}

/**
 * The fields of an account body, as Service Center's JSON decoding leaves them.
 * @example
 * const fields: AccountFields = { name: 'dev', password: 'Dev#Pa55word', roles: ['developer'], status: '' }
 */
export interface AccountFields {
  name: string
  password: string
  roles: string[]
  status: string
}

/**
 * Checks a new account in Service Center's order (name, password, roles, status, then the
 * password against the name); 400001 with its validator's wording.
 * @example
 * checkNewAccount({ name: 'dev', password: 'dev', roles: ['developer'], status: '' }) // throws 400001
 */
export function checkNewAccount(account: AccountFields): void {
  checkName('Account', account.name)
  checkPassword(account.password)
  checkRoles(account.roles)
  checkStatus(account.status)
  if (account.name === account.password) {
    throw new RegistryError('400001', 'account name and password MUST NOT be same')
  }
  if ([...account.name].reverse().join('') === account.password) {
    throw new RegistryError('400001', 'password MUST NOT be the revered account name')
  }
}

/**
 * Checks the roles and status of an account update (roles are required, as Service Center's
 * validator has it).
 * @example
 * checkAccountUpdate({ roles: ['developer'], status: '' })
 */
export function checkAccountUpdate(update: { roles: string[]; status: string }): void {
  checkRoles(update.roles)
  checkStatus(update.status)
}

/**
 * Checks a role name (1–64 characters, the registry's name rule).
 * @example
 * checkRoleName('service-reader')
 */
export function checkRoleName(name: string): void {
  checkName('Role', name)
}

/**
 * Checks the new password of a password change, then the account name of the path.
 * @example
 * checkPasswordChange('dev', 'Dev#Pa55word2')
 */
export function checkPasswordChange(name: string, password: string): void {
  checkPassword(password)
  if (!NAME.test(name)) throw invalid('Account', 'Name', name, `{Regexp: ${NAME_SOURCE}}`)
}
