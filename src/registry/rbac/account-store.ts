import type { Clock } from '../clock.ts'
import { RegistryError } from '../errors.ts'
import { newInstanceId } from '../ids.ts'
import { accountFields, publicAccount } from './accounts.ts'
import { banKey, type Lockout } from './lockout.ts'
import { type Account, type Caller, ROLE_ADMIN, ROOT_ACCOUNT, type StoredAccount } from './model.ts'
import { hashPassword, samePassword } from './passwords.ts'
import { applyQuota } from './quotas.ts'
import type { RoleStore } from './roles.ts'
import { checkAccountUpdate, checkNewAccount, checkPasswordChange } from './validation.ts'

/**
 * The accounts, with Service Center's rules for creating, changing and deleting them: `root`
 * and the caller's own account cannot be changed, roles must exist, passwords are hashed.
 * @example
 * const accounts = new AccountStore(clock, roles, lockout, 1000)
 * await accounts.create({ name: 'dev', password: 'Dev#Pa55word', roles: ['developer'] })
 */
export class AccountStore {
  readonly #clock: Clock
  readonly #roles: RoleStore
  readonly #lockout: Lockout
  readonly #accounts = new Map<string, StoredAccount>()
  /** The most accounts there may be, `root` included. */
  readonly limit: number

  constructor(clock: Clock, roles: RoleStore, lockout: Lockout, limit: number) {
    this.#clock = clock
    this.#roles = roles
    this.#lockout = lockout
    this.limit = limit
  }

  /** The stored account, or `undefined`. */
  find(name: string): StoredAccount | undefined {
    return this.#accounts.get(name)
  }

  /** Every stored account, copied. */
  all(): StoredAccount[] {
    return [...this.#accounts.values()].map((account) => ({
      ...account,
      roles: [...account.roles],
    }))
  }

  /** Replaces every account (a snapshot's); `[]` empties the store. */
  replace(accounts: StoredAccount[]): void {
    this.#accounts.clear()
    for (const account of accounts)
      this.#accounts.set(account.name, { ...account, roles: [...account.roles] })
  }

  /** Whether an account still has the role. */
  hasRole(role: string): boolean {
    return [...this.#accounts.values()].some((account) => account.roles.includes(role))
  }

  /** Stores an account whose password is already hashed. */
  store(name: string, password: string, roles: string[], status: string): StoredAccount {
    const now = String(Math.floor(this.#clock.now() / 1000))
    const stored: StoredAccount = {
      id: newInstanceId(),
      name,
      password,
      roles,
      status,
      createTime: now,
      updateTime: now,
    }
    this.#accounts.set(name, stored)
    return stored
  }

  /** `POST /v4/accounts`. */
  async create(body: unknown): Promise<void> {
    // Service Center asks for the quota before it reads the body.
    applyQuota('account', this.limit, this.#accounts.size)
    const fields = accountFields(body)
    checkNewAccount(fields)
    const missing = fields.roles.find((role) => !this.#roles.find(role))
    if (missing !== undefined) throw new RegistryError('400202', 'role not exist')
    if (this.#accounts.has(fields.name)) throw new RegistryError('409200', 'account is duplicated')
    const hash = await hashPassword(fields.password)
    if (this.#accounts.has(fields.name)) throw new RegistryError('409200', 'account is duplicated')
    applyQuota('account', this.limit, this.#accounts.size)
    this.store(fields.name, hash, [...fields.roles], fields.status || 'active')
  }

  /** `POST /v4/accounts/batch-create`: one outcome per account. */
  async batchCreate(body: unknown) {
    const accounts = (body as { accounts?: unknown } | undefined)?.accounts
    const list = Array.isArray(accounts) ? accounts : []
    if (list.length < 1 || list.length > 20) {
      throw new RegistryError(
        '400001',
        `field 'BatchCreateAccountsRequest.Accounts' invalid value '${goList(list)}' does not match rule: {Min: 1, Max: 20}`,
      )
    }
    const results: { name: string; errorCode?: string; errorMessage?: string; detail?: string }[] =
      []
    for (const entry of list) {
      const given = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<
        string,
        unknown
      >
      const name = typeof given.name === 'string' ? given.name : ''
      try {
        const password =
          typeof given.password === 'string' && given.password
            ? given.password
            : generatedPassword()
        await this.create({ ...given, password })
        results.push({ name })
      } catch (error) {
        if (!(error instanceof RegistryError)) throw error
        results.push({ name, ...error.toErrorBody() })
      }
    }
    return { accounts: results }
  }

  /** `GET /v4/accounts`. */
  list(): { total?: number; data?: Account[] } {
    const data = [...this.#accounts.values()].map(publicAccount)
    return data.length ? { total: data.length, data } : {}
  }

  /** `GET /v4/accounts/{name}`. */
  get(name: string): Account {
    return publicAccount(this.#require(name))
  }

  /** `PUT /v4/accounts/{name}`: new roles and/or status. */
  update(caller: Caller, name: string, body: unknown): void {
    const fields = accountFields(body)
    checkAccountUpdate(fields)
    this.#checkTarget(caller, name)
    const account = this.#require(name)
    const roles = fields.roles.length ? [...fields.roles] : account.roles
    if (roles.some((role) => !this.#roles.find(role)))
      throw new RegistryError('400202', 'role not exist')
    account.roles = roles
    if (fields.status) account.status = fields.status
    account.updateTime = String(Math.floor(this.#clock.now() / 1000))
  }

  /** `DELETE /v4/accounts/{name}`: its tokens answer 401206 from now on. */
  delete(caller: Caller, name: string): void {
    this.#checkTarget(caller, name)
    this.#require(name)
    this.#accounts.delete(name)
  }

  /** `POST /v4/accounts/{name}/password`. */
  async changePassword(
    caller: Caller,
    name: string,
    body: unknown,
    address: string,
  ): Promise<void> {
    const fields = accountFields(body)
    checkPasswordChange(name, fields.password)
    if (caller.name !== name) {
      if (!caller.roles.includes(ROLE_ADMIN))
        throw new RegistryError('403001', 'can not change other account password')
      const account = this.#require(name)
      account.password = await hashPassword(fields.password)
      return
    }
    if (!fields.currentPassword)
      throw new RegistryError('400001', 'current password should not be empty')
    const key = banKey(name, address)
    if (this.#lockout.isBanned(key)) throw new RegistryError('403201')
    if (fields.currentPassword === fields.password) {
      throw new RegistryError('400206', 'the password can not be same as old one')
    }
    const account = this.#require(name)
    if (!(await samePassword(account.password, fields.currentPassword))) {
      this.#lockout.fail(key)
      throw new RegistryError('401207')
    }
    account.password = await hashPassword(fields.password)
  }

  #require(name: string): StoredAccount {
    const account = this.#accounts.get(name)
    if (!account) throw new RegistryError('400200', `account [${name}] not exist`)
    return account
  }

  #checkTarget(caller: Caller, name: string): void {
    if (name === ROOT_ACCOUNT) throw new RegistryError('403202', 'root can not be operated')
    if (name === caller.name) throw new RegistryError('403204', 'your account can not be operated')
  }
}

function goList(list: unknown[]): string {
  return `[${list.map(() => '0x0').join(' ')}]`
}

/** A password that passes Service Center's rule, for batch entries sent without one. */
function generatedPassword(): string {
  return `Gen#${newInstanceId().slice(0, 12)}A1`
}
