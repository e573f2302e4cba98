import type { Clock } from '../clock.ts'
import { RegistryError } from '../errors.ts'
import { newInstanceId } from '../ids.ts'
import { type Permission, ROLE_ADMIN, ROLE_DEVELOPER, type Role } from './model.ts'
import { applyQuota } from './quotas.ts'
import { checkRoleName } from './validation.ts'

/**
 * The roles: the built-in `admin` and `developer` (which cannot be changed or deleted) and
 * custom ones, with Service Center's checks and codes.
 * @example
 * const roles = new RoleStore(clock, 100)
 * roles.create({ name: 'service-reader', perms: [{ resources: [{ type: 'service' }], verbs: ['get'] }] })
 */
export class RoleStore {
  readonly #clock: Clock
  readonly #roles = new Map<string, Role>()
  /** The most roles there may be, the built-in ones included. */
  readonly limit: number

  constructor(clock: Clock, limit: number) {
    this.#clock = clock
    this.limit = limit
  }

  /** Drops every role. */
  reset(): void {
    this.#roles.clear()
  }

  /** Adds a built-in role. */
  createBuiltIn(name: string, perms: Permission[]): void {
    this.#put({ name, perms: structuredClone(perms) })
  }

  /** The role, or `undefined`. */
  find(name: string): Role | undefined {
    return this.#roles.get(name)
  }

  /** The role, or 400201. */
  get(name: string): Role {
    const role = this.#roles.get(name)
    if (!role) throw new RegistryError('400201')
    return structuredClone(role)
  }

  /** Every role, copied. */
  list(): Role[] {
    return [...this.#roles.values()].map((role) => structuredClone(role))
  }

  /** `POST /v4/roles`. */
  create(body: unknown): void {
    const role = roleBody(body)
    checkRoleName(role.name ?? '')
    // Service Center asks for the quota after the checks of the body, before the name's.
    applyQuota('role', this.limit, this.#roles.size)
    if (this.#roles.has(role.name ?? '')) throw new RegistryError('409201', 'role is duplicated')
    this.#put({ name: role.name ?? '', ...(role.perms ? { perms: role.perms } : {}) })
  }

  /** `PUT /v4/roles/{name}`: replaces the permissions. */
  update(name: string, body: unknown): void {
    this.#checkCustom(name)
    const role = this.#roles.get(name)
    if (!role) throw new RegistryError('400201')
    const perms = roleBody(body).perms
    const updated: Role = { ...role, updateTime: this.#now() }
    if (perms) updated.perms = perms
    else delete updated.perms
    this.#roles.set(name, updated)
  }

  /** `DELETE /v4/roles/{name}`; `isBound` tells whether an account still has the role. */
  delete(name: string, isBound: (role: string) => boolean): void {
    this.#checkCustom(name)
    if (!this.#roles.has(name)) throw new RegistryError('400201')
    if (isBound(name)) throw new RegistryError('400205')
    this.#roles.delete(name)
  }

  /** Replaces every role with those of a snapshot. */
  replace(roles: Role[]): void {
    this.#roles.clear()
    for (const role of roles) if (role.name) this.#roles.set(role.name, structuredClone(role))
  }

  #put(role: Role): void {
    const now = this.#now()
    this.#roles.set(role.name ?? '', {
      id: newInstanceId(),
      ...role,
      createTime: now,
      updateTime: now,
    })
  }

  #now(): string {
    return String(Math.floor(this.#clock.now() / 1000))
  }

  #checkCustom(name: string): void {
    if (name === ROLE_ADMIN || name === ROLE_DEVELOPER) {
      throw new RegistryError('403203', 'build-in role can not be operated')
    }
  }
}

function roleBody(body: unknown): Role {
  if (typeof body !== 'object' || body === null) return {}
  const { name, perms } = body as Record<string, unknown>
  if (name !== undefined && name !== null && typeof name !== 'string') {
    throw new RegistryError('400001', 'json is invalid')
  }
  if (perms !== undefined && perms !== null && !Array.isArray(perms)) {
    throw new RegistryError('400001', 'json is invalid')
  }
  const role: Role = {}
  if (typeof name === 'string') role.name = name
  if (Array.isArray(perms)) role.perms = structuredClone(perms) as Permission[]
  return role
}
