import type { Clock } from '../clock.ts'
import { RegistryError, RegistryUsageError } from '../errors.ts'
import { newInstanceId } from '../ids.ts'
import { tokenLifetimeMs } from '../token.ts'
import { accountFields, publicAccount } from './accounts.ts'
import { banKey, Lockout } from './lockout.ts'
import {
  type Account,
  type AccountLock,
  type Caller,
  type Permission,
  type ResourceScope,
  ROLE_ADMIN,
  ROLE_DEVELOPER,
  ROOT_ACCOUNT,
  type Role,
  type StoredAccount,
} from './model.ts'
import { hashPassword, samePassword } from './passwords.ts'
import { ADMIN_PERMS, DEVELOPER_PERMS, decide } from './permissions.ts'
import { RoleStore } from './roles.ts'
import { type KeyPair, TokenSigner } from './tokens.ts'
import { checkAccountUpdate, checkNewAccount, checkPasswordChange } from './validation.ts'

/**
 * How to switch Service Center's RBAC on in the mock.
 * @example
 * const options: RbacOptions = { rootPassword: 'Root#Pa55word' }
 */
export interface RbacOptions {
  /** Password of the `root` account (Service Center reads `SC_INIT_ROOT_PASSWORD`). */
  rootPassword?: string
  /** The RSA key pair for tokens; default: one generated on first use, lost with the process. */
  keys?: KeyPair
  /** More `admin` accounts, name → password, taken as given (no password rule). */
  accounts?: Record<string, string>
}

/**
 * The accounts and roles of a snapshot; passwords only as hashes.
 * @example
 * const state: RbacState = { accounts: [], roles: [] }
 */
export interface RbacState {
  accounts: StoredAccount[]
  roles: Role[]
}

/**
 * Service Center's RBAC: accounts, built-in and custom roles, login with lockout, RS512
 * tokens, and the permission decision. Expected refusals are thrown as `RegistryError`s with
 * Service Center's codes and details.
 * @example
 * const rbac = new Rbac(clock, { rootPassword: 'Root#Pa55word' })
 * const { token } = await rbac.login({ name: 'root', password: 'Root#Pa55word' }, '127.0.0.1')
 */
export class Rbac {
  readonly #clock: Clock
  readonly #accounts = new Map<string, StoredAccount>()
  readonly roles: RoleStore
  readonly lockout: Lockout
  readonly signer: TokenSigner
  readonly #options: RbacOptions
  #ready: Promise<void>

  constructor(clock: Clock, options: RbacOptions = {}) {
    this.#clock = clock
    this.#options = options
    if (options.rootPassword !== undefined) {
      try {
        checkNewAccount({
          name: ROOT_ACCOUNT,
          password: options.rootPassword,
          roles: [ROLE_ADMIN],
          status: '',
        })
      } catch (error) {
        throw new RegistryUsageError(
          'ERR_ROOT_PASSWORD',
          `Failed to enable RBAC: the root password is refused (${(error as RegistryError).detail}). Use 8-32 characters with upper and lower case, a digit and a special character.`,
        )
      }
    }
    this.roles = new RoleStore(clock)
    this.lockout = new Lockout(clock)
    this.signer = new TokenSigner(options.keys)
    this.#ready = this.#initialise()
  }

  /** Resolves once the built-in roles and the initial accounts exist. */
  get ready(): Promise<void> {
    return this.#ready
  }

  /** Back to the initial roles and accounts; locks are cleared. */
  reset(): Promise<void> {
    this.#ready = this.#initialise()
    return this.#ready
  }

  async #initialise(): Promise<void> {
    this.#accounts.clear()
    this.lockout.clear()
    this.roles.reset()
    this.roles.createBuiltIn(ROLE_ADMIN, ADMIN_PERMS)
    this.roles.createBuiltIn(ROLE_DEVELOPER, DEVELOPER_PERMS)
    const initial: [string, string][] = Object.entries(this.#options.accounts ?? {})
    if (this.#options.rootPassword !== undefined)
      initial.unshift([ROOT_ACCOUNT, this.#options.rootPassword])
    for (const [name, password] of initial) {
      if (!this.#accounts.has(name))
        this.#store(name, await hashPassword(password), [ROLE_ADMIN], 'active')
    }
  }

  #store(name: string, password: string, roles: string[], status: string): StoredAccount {
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

  /** `POST /v4/token`: checks the lockout and the credentials, then signs a token. */
  async login(body: unknown, address: string): Promise<{ token: string }> {
    await this.#ready
    const fields = accountFields(body)
    const ms = tokenLifetimeMs(fields.tokenExpirationTime)
    const key = banKey(fields.name, address)
    if (this.lockout.isBanned(key)) throw new RegistryError('403201')
    const account = this.#accounts.get(fields.name)
    if (!account || !(await samePassword(account.password, fields.password))) {
      this.lockout.fail(key)
      throw new RegistryError('401202')
    }
    const exp = Math.floor((this.#clock.now() + ms) / 1000)
    return { token: await this.signer.sign({ name: account.name, roles: [...account.roles] }, exp) }
  }

  /**
   * The caller of an `Authorization` header, or Service Center's 401: 401204 without one,
   * 401201 malformed, 401205 expired, 401206 when its account is gone.
   */
  async authenticate(header: string | null | undefined): Promise<Caller> {
    if (!header) throw new RegistryError('401204')
    // Service Center splits on single spaces and ignores the scheme word.
    const parts = header.split(' ')
    if (parts.length !== 2) throw new RegistryError('401201', 'invalid auth header')
    const checked = await this.signer.verify(parts[1]!, this.#clock.now())
    if ('expired' in checked && 'detail' in checked && typeof checked.expired === 'boolean') {
      if (checked.expired) throw new RegistryError('401205')
      throw new RegistryError('401201', String(checked.detail))
    }
    const caller = callerOf(checked as Record<string, unknown>)
    await this.#ready
    if (caller.name !== ROOT_ACCOUNT && !this.#accounts.has(caller.name)) {
      throw new RegistryError('401206', `account [${caller.name}] is deleted`)
    }
    return caller
  }

  /** Whether the caller's roles include `admin`, which skips every permission check. */
  isAdmin(caller: Caller): boolean {
    return caller.roles.includes(ROLE_ADMIN)
  }

  /** Service Center's permission decision for a non-admin caller; 403205 when refused. */
  authorize(caller: Caller, scope: ResourceScope): Record<string, string>[] {
    if (this.isAdmin(caller)) return []
    return decide(this.permsOf(caller.roles), scope)
  }

  /** The permissions of the named roles that exist, in order. */
  permsOf(roles: readonly string[]): Permission[] {
    return roles.flatMap((name) => this.roles.find(name)?.perms ?? [])
  }

  /** `GET /v4/self-perms`. */
  async selfPerms(caller: Caller): Promise<{ perms?: Permission[] }> {
    await this.#ready
    const account = this.#accounts.get(caller.name)
    if (!account) throw new RegistryError('400200', `account [${caller.name}] not exist`)
    const perms: Permission[] = []
    for (const name of account.roles) perms.push(...(this.roles.get(name).perms ?? []))
    return perms.length ? { perms } : {}
  }

  /** `POST /v4/accounts`. */
  async createAccount(body: unknown): Promise<void> {
    await this.#ready
    const fields = accountFields(body)
    checkNewAccount(fields)
    const missing = fields.roles.find((role) => !this.roles.find(role))
    if (missing !== undefined) throw new RegistryError('400202', 'role not exist')
    if (this.#accounts.has(fields.name)) throw new RegistryError('409200', 'account is duplicated')
    const hash = await hashPassword(fields.password)
    if (this.#accounts.has(fields.name)) throw new RegistryError('409200', 'account is duplicated')
    this.#store(fields.name, hash, [...fields.roles], fields.status || 'active')
  }

  /** `POST /v4/accounts/batch-create`: one outcome per account. */
  async batchCreateAccounts(body: unknown) {
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
        await this.createAccount({ ...given, password })
        results.push({ name })
      } catch (error) {
        if (!(error instanceof RegistryError)) throw error
        results.push({ name, ...error.toErrorBody() })
      }
    }
    return { accounts: results }
  }

  /** `GET /v4/accounts`. */
  async listAccounts(): Promise<{ total?: number; data?: Account[] }> {
    await this.#ready
    const data = [...this.#accounts.values()].map(publicAccount)
    return data.length ? { total: data.length, data } : {}
  }

  /** `GET /v4/accounts/{name}`. */
  async getAccount(name: string): Promise<Account> {
    await this.#ready
    return publicAccount(this.#require(name))
  }

  /** `PUT /v4/accounts/{name}`: new roles and/or status. */
  async updateAccount(caller: Caller, name: string, body: unknown): Promise<void> {
    await this.#ready
    const fields = accountFields(body)
    checkAccountUpdate(fields)
    this.#checkTarget(caller, name)
    const account = this.#require(name)
    const roles = fields.roles.length ? [...fields.roles] : account.roles
    if (roles.some((role) => !this.roles.find(role)))
      throw new RegistryError('400202', 'role not exist')
    account.roles = roles
    if (fields.status) account.status = fields.status
    account.updateTime = String(Math.floor(this.#clock.now() / 1000))
  }

  /** `DELETE /v4/accounts/{name}`: its tokens answer 401206 from now on. */
  async deleteAccount(caller: Caller, name: string): Promise<void> {
    await this.#ready
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
    await this.#ready
    const fields = accountFields(body)
    checkPasswordChange(name, fields.password)
    if (caller.name !== name) {
      if (!this.isAdmin(caller))
        throw new RegistryError('403001', 'can not change other account password')
      const account = this.#require(name)
      account.password = await hashPassword(fields.password)
      return
    }
    if (!fields.currentPassword)
      throw new RegistryError('400001', 'current password should not be empty')
    const key = banKey(name, address)
    if (this.lockout.isBanned(key)) throw new RegistryError('403201')
    if (fields.currentPassword === fields.password) {
      throw new RegistryError('400206', 'the password can not be same as old one')
    }
    const account = this.#require(name)
    if (!(await samePassword(account.password, fields.currentPassword))) {
      this.lockout.fail(key)
      throw new RegistryError('401207')
    }
    account.password = await hashPassword(fields.password)
  }

  /** `GET /v4/account-locks`. */
  listLocks(): { total: number; data: AccountLock[] } {
    const data = this.lockout.list()
    return { total: data.length, data }
  }

  /** `GET /v4/roles`. */
  async listRoles(): Promise<{ total?: number; data?: Role[] }> {
    await this.#ready
    const data = this.roles.list()
    return data.length ? { total: data.length, data } : {}
  }

  /** `POST /v4/roles`. */
  async createRole(body: unknown): Promise<void> {
    await this.#ready
    this.roles.create(body)
  }

  /** `GET /v4/roles/{name}`. */
  async getRole(name: string): Promise<Role> {
    await this.#ready
    return this.roles.get(name)
  }

  /** `PUT /v4/roles/{name}`. */
  async updateRole(name: string, body: unknown): Promise<void> {
    await this.#ready
    this.roles.update(name, body)
  }

  /** `DELETE /v4/roles/{name}`: refused while an account has the role. */
  async deleteRole(name: string): Promise<void> {
    await this.#ready
    this.roles.delete(name, (role) =>
      [...this.#accounts.values()].some((account) => account.roles.includes(role)),
    )
  }

  /** Accounts and roles as JSON, passwords as hashes. */
  snapshot(): RbacState {
    return {
      accounts: [...this.#accounts.values()].map((account) => ({
        ...account,
        roles: [...account.roles],
      })),
      roles: this.roles.list(),
    }
  }

  /** Replaces the accounts and roles with those of a snapshot. */
  async restore(state: RbacState): Promise<void> {
    await this.#ready
    this.#accounts.clear()
    for (const account of state.accounts)
      this.#accounts.set(account.name, { ...account, roles: [...account.roles] })
    this.roles.replace(state.roles)
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

/** Reads the `account` and `roles` claims as Service Center does (an old `role` claim too). */
function callerOf(claims: Record<string, unknown>): Caller {
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

function goList(list: unknown[]): string {
  return `[${list.map(() => '0x0').join(' ')}]`
}

/** A password that passes Service Center's rule, for batch entries sent without one. */
function generatedPassword(): string {
  return `Gen#${newInstanceId().slice(0, 12)}A1`
}
