import { type Clock, createSystemClock } from './clock.ts'
import { emptyStore, type Quotas, type RegistryCore, type RequestContext } from './core.ts'
import { newInstanceId } from './ids.ts'
import { type RegistryInspection, takeInspection } from './inspection.ts'
import { removeInstance } from './instances.ts'
import type { Lease } from './leases.ts'
import type * as model from './model.ts'
import { omitEmpty } from './output.ts'
import {
  holdsOnlyOwnService,
  installOwnService,
  isOwnService,
  OWN_VERSION,
  ownInstances,
  updateOwnInstance,
} from './own-service.ts'
import { type Profile, type ProfileRules, rulesOf } from './profile.ts'
import { checkRbacState } from './rbac/check-state.ts'
import { Rbac, type RbacOptions } from './rbac/index.ts'
import { TokenSigner } from './rbac/tokens.ts'
import { createRecordSchemas } from './record-schemas.ts'
import { restoreSnapshot } from './restore-snapshot.ts'
import { createRevisionCounter } from './revisions.ts'
import type { Snapshot } from './snapshot.ts'
import { takeSnapshot } from './take-snapshot.ts'
import { WatchHub } from './watch.ts'

/**
 * How to build a registry.
 * @example
 * const options: RegistryOptions = { profile: 'servicecomb', clock: createVirtualClock(0) }
 */
export interface RegistryOptions {
  /** Which registry generation to imitate; default `cse`. */
  profile?: Profile
  /** Time source for leases, timestamps and tokens; default the wall clock. */
  clock?: Clock
  /** Per-tenant limits; defaults 50 000 services, 150 000 instances, 100 tags, 100 schemas. */
  quotas?: Partial<Quotas>
  /** Admin accounts, name → password; switches RBAC on like `rbac: { accounts }`. */
  accounts?: Record<string, string>
  /** Service Center's RBAC (accounts, roles, tokens); off by default, any token is then ignored. */
  rbac?: RbacOptions | boolean
}

/** Service Center's own endpoint with its default `server.host` and `server.port`. */
const DEFAULT_OWN_ENDPOINT = 'rest://127.0.0.1:30100/'

const DEFAULT_QUOTAS: Quotas = { services: 50_000, instances: 150_000, tags: 100, schemas: 100 }

/**
 * What every registry has besides its operations: the state, the profile, the write queue,
 * expiry, and the whole-registry operations (snapshot, restore, reset, stats).
 * @example
 * class Registry extends RegistryBase {}
 */
export class RegistryBase {
  readonly clock: Clock
  protected readonly core: RegistryCore
  /** Signs the tokens of `POST /v4/token` while RBAC is off (nothing checks them then). */
  protected readonly tokens = new TokenSigner()
  /** Accounts, roles and tokens when RBAC is on; `undefined` when it is off. */
  readonly rbac: Rbac | undefined
  #profile: Profile
  #queue: Promise<unknown> = Promise.resolve()
  #writing = 0
  #changeListeners = new Set<() => void>()

  constructor(options: RegistryOptions = {}) {
    this.clock = options.clock ?? createSystemClock()
    this.#profile = options.profile ?? 'cse'
    this.core = {
      rules: rulesOf(this.#profile),
      clock: this.clock,
      quotas: { ...DEFAULT_QUOTAS, ...options.quotas },
      schemas: createRecordSchemas(),
      revisions: createRevisionCounter(),
      watchers: new WatchHub(),
      own: { instanceId: newInstanceId(), hostName: 'cse-mock', endpoint: DEFAULT_OWN_ENDPOINT },
      ...emptyStore(),
    }
    installOwnService(this.core)
    this.rbac = rbacOf(this.clock, options)
  }

  /** The profile in force. */
  get profile(): Profile {
    return this.#profile
  }

  /** The behaviour switches of the profile in force. */
  get rules(): Readonly<ProfileRules> {
    return this.core.rules
  }

  /** Switches the profile; stored data stays as it is. */
  setProfile(profile: Profile): void {
    this.core.rules = rulesOf(profile)
    this.#profile = profile
  }

  /** `GET /registry/version`. */
  version(): model.VersionResponse {
    return { version: OWN_VERSION, buildTag: 'cse-mock', apiVersion: '4.0.0' }
  }

  /**
   * `GET /registry/health`: the registry's own instances (SERVICECENTER's, from any tenant), as
   * Service Center answers it.
   */
  health(_ctx: RequestContext): { instances?: model.MicroServiceInstance[] } {
    return this.read(() => ({ instances: ownInstances(this.core).map((i) => omitEmpty(i)) }))
  }

  /**
   * Where the own SERVICECENTER instance says the registry listens: `rest://<host>:<port>/`;
   * the standalone server sets its listening address here. Default `rest://127.0.0.1:30100/`.
   */
  setOwnEndpoint(endpoint: string, hostName?: string): void {
    updateOwnInstance(this.core, { endpoint, hostName })
  }

  /** Expires every instance whose lease is due (also done at the start of every operation). */
  sweep(): void {
    // While a write awaits its collection, expiry waits too: the write swept when it started.
    if (this.#writing > 0) return
    this.core.leases.drain(this.clock.now(), (lease) => this.#expire(lease))
  }

  /** The state with lease deadlines, as the inspector shows it. */
  inspect(): RegistryInspection {
    return this.read(() => takeInspection(this.core))
  }

  /**
   * Calls `listener` (with no detail) after anything that may have changed the state: a write,
   * a heartbeat, an expiry, a reset. Returns the function that unsubscribes it.
   */
  onChange(listener: () => void): () => void {
    this.#changeListeners.add(listener)
    return () => {
      this.#changeListeners.delete(listener)
    }
  }

  /** The whole registry as JSON. */
  snapshot(): Snapshot {
    return this.read(() => {
      const snapshot = takeSnapshot(this.core)
      if (this.rbac) snapshot.rbac = this.rbac.snapshot()
      return snapshot
    })
  }

  /** Replaces everything with a snapshot; watchers are dropped, instances get a full TTL. */
  restore(snapshot: Snapshot): Promise<void> {
    return this.write(async () => {
      const store = await restoreSnapshot(this.core, snapshot)
      if (this.rbac && snapshot.rbac) {
        await this.rbac.restore(checkRbacState(snapshot.rbac, this.rbac.quotas))
      }
      this.core.watchers.clear()
      Object.assign(this.core, store)
    })
  }

  /** Empties the registry (SERVICECENTER stays) and drops every watcher; the profile stays. */
  reset(): void {
    this.core.watchers.clear()
    Object.assign(this.core, emptyStore())
    installOwnService(this.core)
    this.changed()
    // Operations on accounts wait for this reset to finish.
    void this.rbac?.reset()
  }

  /** How much is stored, the registry's own SERVICECENTER service and instance left out. */
  stats(): { tenants: number; services: number; instances: number } {
    return this.read(() => {
      let tenants = 0
      let services = 0
      let instances = 0
      for (const tenant of this.core.tenants.values()) {
        if (holdsOnlyOwnService(tenant)) continue
        tenants++
        for (const entry of tenant.byId.values()) {
          if (isOwnService(entry)) continue
          services++
          instances += entry.instances.size
        }
      }
      return { tenants, services, instances }
    })
  }

  /** Runs a read (or a lease-only change) after expiring what is due. */
  protected read<T>(run: () => T): T {
    this.sweep()
    return run()
  }

  /** Writes run one at a time, so checks made before an await still hold after it. */
  protected write<T>(run: () => T | Promise<T>): Promise<T> {
    const task = this.#queue.then(async () => {
      this.sweep()
      this.#writing++
      try {
        return await run()
      } finally {
        this.#writing--
        this.changed()
      }
    })
    this.#queue = task.catch(() => undefined)
    return task
  }

  /** Tells the change listeners; a throwing listener surfaces outside the operation. */
  protected changed(): void {
    if (this.#changeListeners.size === 0) return
    for (const listener of [...this.#changeListeners]) {
      try {
        listener()
      } catch (error) {
        queueMicrotask(() => {
          throw error
        })
      }
    }
  }

  #expire(lease: Lease): void {
    const entry = this.core.tenants.get(lease.tenantKey)?.byId.get(lease.serviceId)
    const slot = entry?.instances.get(lease.instanceId)
    if (entry && slot?.lease === lease) removeInstance(this.core, entry, slot)
    this.changed()
  }
}

function rbacOf(clock: Clock, options: RegistryOptions): Rbac | undefined {
  const { rbac, accounts } = options
  if (!rbac && !accounts) return undefined
  const given: RbacOptions = typeof rbac === 'object' ? { ...rbac } : {}
  if (accounts) given.accounts = { ...given.accounts, ...accounts }
  return new Rbac(clock, given)
}
