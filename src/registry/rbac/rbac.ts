import type { Clock } from '../clock.ts'
import { RegistryError, RegistryUsageError } from '../errors.ts'
import { tokenLifetimeMs } from '../token.ts'
import { AccountStore } from './account-store.ts'
import { accountFields } from './accounts.ts'
import { callerOf } from './claims.ts'
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
import { ADMIN_PERMS, DEVELOPER_PERMS, decide, grantsEverything } from './permissions.ts'
import { DEFAULT_RBAC_QUOTAS, type RbacQuotas } from './quotas.ts'
import { RoleStore } from './roles.ts'
import { type KeyPair, TokenSigner } from './tokens.ts'
import { checkNewAccount } from './validation.ts'

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
  /** How many accounts and roles there may be; default Service Center's 1000 and 100. */
  quotas?: Partial<RbacQuotas>
}

/**
 * The accounts, roles and login-failure locks of a snapshot; passwords only as hashes.
 * @example
 * const state: RbacState = { accounts: [], roles: [], locks: [] }
 */
export interface RbacState {
  accounts: StoredAccount[]
  roles: Role[]
  /** Locks not released yet; absent in snapshots written before they were kept. */
  locks?: Required<AccountLock>[]
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
  readonly accounts: AccountStore
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
    const quotas = { ...DEFAULT_RBAC_QUOTAS, ...options.quotas }
    for (const [name, limit] of Object.entries(quotas)) {
      if (!Number.isSafeInteger(limit) || limit < 1) {
        throw new RegistryUsageError(
          'ERR_RBAC_QUOTA',
          `Failed to enable RBAC: quotas.${name} is ${String(limit)}. Use a whole number of at least 1.`,
        )
      }
    }
    this.roles = new RoleStore(clock, quotas.roles)
    this.lockout = new Lockout(clock)
    this.accounts = new AccountStore(clock, this.roles, this.lockout, quotas.accounts)
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
    this.accounts.replace([])
    this.lockout.clear()
    this.roles.reset()
    this.roles.createBuiltIn(ROLE_ADMIN, ADMIN_PERMS)
    this.roles.createBuiltIn(ROLE_DEVELOPER, DEVELOPER_PERMS)
    const initial: [string, string][] = Object.entries(this.#options.accounts ?? {})
    if (this.#options.rootPassword !== undefined)
      initial.unshift([ROOT_ACCOUNT, this.#options.rootPassword])
    for (const [name, password] of initial) {
      if (!this.accounts.find(name)) {
        this.accounts.store(name, await hashPassword(password), [ROLE_ADMIN], 'active')
      }
    }
  }

  /** `POST /v4/token`: checks the lockout and the credentials, then signs a token. */
  async login(body: unknown, address: string): Promise<{ token: string }> {
    await this.#ready
    const fields = accountFields(body)
    const ms = tokenLifetimeMs(fields.tokenExpirationTime)
    const key = banKey(fields.name, address)
    if (this.lockout.isBanned(key)) throw new RegistryError('403201')
    const account = this.accounts.find(fields.name)
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
    if (caller.name !== ROOT_ACCOUNT && !this.accounts.find(caller.name)) {
      throw new RegistryError('401206', `account [${caller.name}] is deleted`)
    }
    return caller
  }

  /** Whether the caller's roles include `admin`, which skips every permission check. */
  isAdmin(caller: Caller): boolean {
    return caller.roles.includes(ROLE_ADMIN)
  }

  /**
   * Whether the caller may do anything: its roles include `admin`, or grant every verb on every
   * resource as `admin` does. The mock's own control API asks for this.
   */
  isAdministrator(caller: Caller): boolean {
    return this.isAdmin(caller) || grantsEverything(this.permsOf(caller.roles))
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
    const account = this.accounts.find(caller.name)
    if (!account) throw new RegistryError('400200', `account [${caller.name}] not exist`)
    const perms: Permission[] = []
    for (const name of account.roles) perms.push(...(this.roles.get(name).perms ?? []))
    return perms.length ? { perms } : {}
  }

  /** `POST /v4/accounts`. */
  async createAccount(body: unknown): Promise<void> {
    await this.#ready
    await this.accounts.create(body)
  }

  /** `POST /v4/accounts/batch-create`: one outcome per account. */
  async batchCreateAccounts(body: unknown) {
    await this.#ready
    return this.accounts.batchCreate(body)
  }

  /** `GET /v4/accounts`. */
  async listAccounts(): Promise<{ total?: number; data?: Account[] }> {
    await this.#ready
    return this.accounts.list()
  }

  /** `GET /v4/accounts/{name}`. */
  async getAccount(name: string): Promise<Account> {
    await this.#ready
    return this.accounts.get(name)
  }

  /** `PUT /v4/accounts/{name}`: new roles and/or status. */
  async updateAccount(caller: Caller, name: string, body: unknown): Promise<void> {
    await this.#ready
    this.accounts.update(caller, name, body)
  }

  /** `DELETE /v4/accounts/{name}`: its tokens answer 401206 from now on. */
  async deleteAccount(caller: Caller, name: string): Promise<void> {
    await this.#ready
    this.accounts.delete(caller, name)
  }

  /** `POST /v4/accounts/{name}/password`. */
  async changePassword(
    caller: Caller,
    name: string,
    body: unknown,
    address: string,
  ): Promise<void> {
    await this.#ready
    await this.accounts.changePassword(caller, name, body, address)
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
    this.roles.delete(name, (role) => this.accounts.hasRole(role))
  }

  /** Accounts, roles and the locks not released yet as JSON, passwords as hashes. */
  snapshot(): RbacState {
    return {
      accounts: this.accounts.all(),
      roles: this.roles.list(),
      locks: this.lockout.held(),
    }
  }

  /** The most accounts and roles there may be. */
  get quotas(): RbacQuotas {
    return { accounts: this.accounts.limit, roles: this.roles.limit }
  }

  /**
   * Replaces the accounts and roles with those of a snapshot, and the locks when it has them
   * (an older snapshot without `locks` keeps the ones the registry has).
   */
  async restore(state: RbacState): Promise<void> {
    await this.#ready
    this.accounts.replace(state.accounts)
    this.roles.replace(state.roles)
    if (state.locks) this.lockout.replace(state.locks)
  }
}
