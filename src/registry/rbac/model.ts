import type { components } from '../../generated/schema.ts'

/** An account as the API shows it (never with its password). */
export type Account = components['schemas']['Account']
/** The body of `createAccount` and `updateAccount`. */
export type AccountRequest = components['schemas']['AccountRequest']
/** A role: a name and its permissions. */
export type Role = components['schemas']['Role']
/** Verbs granted on resources. */
export type Permission = components['schemas']['Permission']
/** A login-failure lock of `GET /v4/account-locks`. */
export type AccountLock = components['schemas']['AccountLock']

/**
 * An account as the registry stores it: the API's fields plus the password hash.
 * @example
 * const stored: StoredAccount = { id: 'a1', name: 'root', roles: ['admin'], status: 'active', password: 'pbkdf2-sha256$…', createTime: '1', updateTime: '1' }
 */
export interface StoredAccount {
  id: string
  name: string
  /** `pbkdf2-sha256$<iterations>$<salt>$<hash>`, never the password itself. */
  password: string
  roles: string[]
  status: string
  createTime: string
  updateTime: string
}

/**
 * Who a verified token speaks for: its `account` and `roles` claims.
 * @example
 * const caller: Caller = { name: 'root', roles: ['admin'] }
 */
export interface Caller {
  name: string
  roles: string[]
  /**
   * The labels of the permissions that allowed the call, when they have labels: Service Center
   * filters the service list down to them.
   */
  labels?: Record<string, string>[]
}

/**
 * What a request asks to do, as Service Center's permission check sees it: a resource type,
 * a verb, and the labels of the services it touches (empty: none named).
 * @example
 * const scope: ResourceScope = { type: 'service', verb: 'create', labels: [{ environment: '', appId: 'shop', serviceName: 'cart' }] }
 */
export interface ResourceScope {
  type: string
  verb: string
  labels: Record<string, string>[]
}

/** The name of the account Service Center creates from `SC_INIT_ROOT_PASSWORD`. */
export const ROOT_ACCOUNT = 'root'
/** The built-in role with every permission. */
export const ROLE_ADMIN = 'admin'
/** The built-in role for applications: everything but accounts and roles. */
export const ROLE_DEVELOPER = 'developer'
