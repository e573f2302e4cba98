import { batchFind } from './batch-find.ts'
import { type Clock, createSystemClock } from './clock.ts'
import {
  emptyStore,
  type Quotas,
  type RegistryCore,
  type RequestContext,
  requireService,
} from './core.ts'
import * as dependencies from './dependencies.ts'
import { type FindQuery, findInstances } from './discovery.ts'
import { type ExistenceQuery, existence } from './existence.ts'
import { heartbeat, heartbeats } from './heartbeats.ts'
import { newInstanceId } from './ids.ts'
import { getInstance, type InstanceReadOptions, listInstances } from './instance-queries.ts'
import * as updates from './instance-updates.ts'
import { registerInstance, removeInstance } from './instances.ts'
import type { Lease } from './leases.ts'
import type * as model from './model.ts'
import { type Profile, type ProfileRules, rulesOf } from './profile.ts'
import { createRecordSchemas } from './record-schemas.ts'
import { restoreSnapshot } from './restore-snapshot.ts'
import { createRevisionCounter, type Revisioned } from './revisions.ts'
import * as schemas from './schemas.ts'
import { deleteService, deleteServices } from './service-deletion.ts'
import * as services from './services.ts'
import type { Snapshot } from './snapshot.ts'
import * as tags from './tags.ts'
import { takeSnapshot } from './take-snapshot.ts'
import { TokenIssuer } from './token.ts'
import { WatchHub, type WatchListener } from './watch.ts'

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
  /** Account name → password for `createToken`; without it any credentials are accepted. */
  accounts?: Record<string, string>
}

const DEFAULT_QUOTAS: Quotas = { services: 50_000, instances: 150_000, tags: 100, schemas: 100 }

/**
 * The registry domain: every operation of the CSE / Service Center v4 registry API as a
 * method, on in-memory state. Expected outcomes such as "not found" are thrown as
 * `RegistryError`s carrying the registry's code.
 * @example
 * const registry = createRegistry()
 * const { serviceId } = await registry.createService(ctx, { service: { serviceName: 'cart' } })
 */
export class Registry {
  readonly clock: Clock
  #profile: Profile
  readonly #core: RegistryCore
  readonly #tokens: TokenIssuer
  #queue: Promise<unknown> = Promise.resolve()
  #writing = 0

  constructor(options: RegistryOptions = {}) {
    this.clock = options.clock ?? createSystemClock()
    this.#profile = options.profile ?? 'cse'
    this.#core = {
      rules: rulesOf(this.#profile),
      clock: this.clock,
      quotas: { ...DEFAULT_QUOTAS, ...options.quotas },
      schemas: createRecordSchemas(),
      revisions: createRevisionCounter(),
      watchers: new WatchHub(),
      ...emptyStore(),
    }
    this.#tokens = new TokenIssuer(this.clock, options.accounts, newInstanceId())
  }

  /** The profile in force. */
  get profile(): Profile {
    return this.#profile
  }

  /** The behaviour switches of the profile in force. */
  get rules(): Readonly<ProfileRules> {
    return this.#core.rules
  }

  /** Switches the profile; stored data stays as it is. */
  setProfile(profile: Profile): void {
    this.#core.rules = rulesOf(profile)
    this.#profile = profile
  }

  /** `GET /registry/version`. */
  version(): model.VersionResponse {
    return { version: '2.2.0', buildTag: 'cse-mock', apiVersion: '4.0.0' }
  }

  /** `GET /registry/health`: the registry's own instances; the mock registers none, so `{}`. */
  health(_ctx: RequestContext): { instances?: model.MicroServiceInstance[] } {
    return {}
  }

  /** `GET /registry/existence?type=microservice|schema`. */
  existence(
    ctx: RequestContext,
    q: ExistenceQuery,
  ): { serviceId: string; schemaId?: string; summary?: string } {
    return this.#read(() => existence(this.#core, ctx, q))
  }

  /** `POST /registry/microservices`. */
  createService(
    ctx: RequestContext,
    body: model.CreateServiceRequest,
  ): Promise<{ serviceId: string }> {
    return this.#write(() => services.createService(this.#core, ctx, body))
  }

  /** `GET /registry/microservices`; `withShared` has nothing to add, the mock has no shared services. */
  listServices(
    ctx: RequestContext,
    _q?: { withShared?: boolean },
  ): { services?: model.MicroService[] } {
    return this.#read(() => services.listServices(this.#core, ctx))
  }

  /** `GET /registry/microservices/{serviceId}`. */
  getService(ctx: RequestContext, serviceId: string): { service: model.MicroService } {
    return this.#read(() => services.getService(this.#core, ctx, serviceId))
  }

  /** `DELETE /registry/microservices/{serviceId}?force=`. */
  deleteService(ctx: RequestContext, serviceId: string, opts?: { force?: boolean }): Promise<void> {
    return this.#write(() => deleteService(this.#core, ctx, serviceId, opts))
  }

  /** `DELETE /registry/microservices`; the profile decides the answer's shape. */
  deleteServices(
    ctx: RequestContext,
    body: { serviceIds: string[]; force?: boolean },
  ): Promise<model.DeleteServicesResponse | undefined> {
    return this.#write(() => deleteServices(this.#core, ctx, body))
  }

  /** `PUT /registry/microservices/{serviceId}/properties`. */
  updateServiceProperties(
    ctx: RequestContext,
    serviceId: string,
    properties: Record<string, string> | undefined,
  ): Promise<void> {
    return this.#write(() =>
      services.updateServiceProperties(this.#core, ctx, serviceId, properties),
    )
  }

  /** `POST …/tags`: replaces the tag set. */
  setTags(ctx: RequestContext, serviceId: string, values: Record<string, string>): Promise<void> {
    return this.#write(() => tags.setTags(this.#core, ctx, serviceId, values))
  }

  /** `GET …/tags`. */
  getTags(ctx: RequestContext, serviceId: string): { tags?: Record<string, string> } {
    return this.#read(() => tags.getTags(this.#core, ctx, serviceId))
  }

  /** `PUT …/tags/{key}?value=`. */
  updateTag(ctx: RequestContext, serviceId: string, key: string, value: string): Promise<void> {
    return this.#write(() => tags.updateTag(this.#core, ctx, serviceId, key, value))
  }

  /** `DELETE …/tags/{keys}`. */
  deleteTags(ctx: RequestContext, serviceId: string, keys: string[]): Promise<void> {
    return this.#write(() => tags.deleteTags(this.#core, ctx, serviceId, keys))
  }

  /** `GET …/schemas?withSchema=`. */
  listSchemas(
    ctx: RequestContext,
    serviceId: string,
    withSchema: boolean,
  ): { schemas?: model.Schema[] } {
    return this.#read(() => schemas.listSchemas(this.#core, ctx, serviceId, withSchema))
  }

  /** `POST …/schemas`: replaces the schema set. */
  putSchemas(ctx: RequestContext, serviceId: string, list: model.Schema[]): Promise<void> {
    return this.#write(() => schemas.putSchemas(this.#core, ctx, serviceId, list))
  }

  /** `GET …/schemas/{schemaId}`. */
  getSchema(
    ctx: RequestContext,
    serviceId: string,
    schemaId: string,
  ): { schema?: string; summary?: string } {
    return this.#read(() => schemas.getSchema(this.#core, ctx, serviceId, schemaId))
  }

  /** `PUT …/schemas/{schemaId}`. */
  putSchema(
    ctx: RequestContext,
    serviceId: string,
    schemaId: string,
    body: { schema: string; summary?: string },
  ): Promise<void> {
    return this.#write(() => schemas.putSchema(this.#core, ctx, serviceId, schemaId, body))
  }

  /** `DELETE …/schemas/{schemaId}`. */
  deleteSchema(ctx: RequestContext, serviceId: string, schemaId: string): Promise<void> {
    return this.#write(() => schemas.deleteSchema(this.#core, ctx, serviceId, schemaId))
  }

  /** `POST …/instances`. */
  registerInstance(
    ctx: RequestContext,
    serviceId: string,
    instance: model.MicroServiceInstance,
  ): Promise<{ instanceId: string }> {
    return this.#write(() => registerInstance(this.#core, ctx, serviceId, instance))
  }

  /** `GET …/microservices/{serviceId}/instances`. */
  listInstances(
    ctx: RequestContext,
    serviceId: string,
    opts?: InstanceReadOptions,
  ): Revisioned<{ instances?: model.MicroServiceInstance[] }> {
    return this.#read(() => listInstances(this.#core, ctx, serviceId, opts))
  }

  /** `GET …/instances/{instanceId}`. */
  getInstance(
    ctx: RequestContext,
    serviceId: string,
    instanceId: string,
    opts?: InstanceReadOptions,
  ): Revisioned<{ instance: model.MicroServiceInstance }> {
    return this.#read(() => getInstance(this.#core, ctx, serviceId, instanceId, opts))
  }

  /** `DELETE …/instances/{instanceId}`. */
  deregisterInstance(ctx: RequestContext, serviceId: string, instanceId: string): Promise<void> {
    return this.#write(() => updates.deregisterInstance(this.#core, ctx, serviceId, instanceId))
  }

  /** `PUT …/heartbeat`: renews the lease only. */
  heartbeat(ctx: RequestContext, serviceId: string, instanceId: string): void {
    this.#read(() => heartbeat(this.#core, ctx, serviceId, instanceId))
  }

  /** `PUT /registry/heartbeats`; the profile decides the answer's shape. */
  heartbeats(
    ctx: RequestContext,
    pairs: { serviceId: string; instanceId: string }[],
  ): model.HeartbeatSetResponse | undefined {
    return this.#read(() => heartbeats(this.#core, ctx, pairs))
  }

  /** `PUT …/status?value=`. */
  updateInstanceStatus(
    ctx: RequestContext,
    serviceId: string,
    instanceId: string,
    status: string,
  ): Promise<void> {
    return this.#write(() =>
      updates.updateInstanceStatus(this.#core, ctx, serviceId, instanceId, status),
    )
  }

  /** `PUT …/instances/{instanceId}/properties`. */
  updateInstanceProperties(
    ctx: RequestContext,
    serviceId: string,
    instanceId: string,
    properties: Record<string, string> | undefined,
  ): Promise<void> {
    return this.#write(() =>
      updates.updateInstanceProperties(this.#core, ctx, serviceId, instanceId, properties),
    )
  }

  /** `PUT /registry/instances/status`. */
  updateInstancesStatus(
    ctx: RequestContext,
    body: { matches?: { properties?: Record<string, string> }; status?: string },
  ): Promise<void> {
    return this.#write(() => updates.updateInstancesStatus(this.#core, ctx, body))
  }

  /** `GET /registry/instances`; async because it may record a dependency. */
  async findInstances(
    ctx: RequestContext,
    q: FindQuery,
  ): Promise<Revisioned<{ instances?: model.MicroServiceInstance[] }>> {
    return this.#read(() => findInstances(this.#core, ctx, q))
  }

  /** `POST /registry/instances/action?type=query`. */
  async batchFind(
    ctx: RequestContext,
    body: model.BatchFindRequest,
  ): Promise<model.BatchFindResponse> {
    return this.#read(() => batchFind(this.#core, ctx, body))
  }

  /** `GET …/{consumerId}/providers`. */
  listProviders(
    ctx: RequestContext,
    consumerId: string,
    q?: { noSelf?: boolean; sameDomain?: boolean },
  ): { providers?: model.MicroService[] } {
    return this.#read(() => dependencies.listProviders(this.#core, ctx, consumerId, q))
  }

  /** `GET …/{providerId}/consumers`. */
  listConsumers(
    ctx: RequestContext,
    providerId: string,
    q?: { noSelf?: boolean; sameDomain?: boolean },
  ): { consumers?: model.MicroService[] } {
    return this.#read(() => dependencies.listConsumers(this.#core, ctx, providerId, q))
  }

  /** `POST /registry/dependencies` (deprecated): adds rules. */
  addDependencies(
    ctx: RequestContext,
    body: model.AddDependenciesRequest | model.PutDependenciesRequest,
  ): Promise<void> {
    return this.#write(() => dependencies.addDependencies(this.#core, ctx, body))
  }

  /** `PUT /registry/dependencies` (deprecated): overwrites each consumer's rules. */
  putDependencies(
    ctx: RequestContext,
    body: model.AddDependenciesRequest | model.PutDependenciesRequest,
  ): Promise<void> {
    return this.#write(() => dependencies.putDependencies(this.#core, ctx, body))
  }

  /** `POST /v4/token`. */
  createToken(body: { name: string; password: string; tokenExpirationTime?: string }): {
    token: string
  } {
    return this.#tokens.create(body)
  }

  /** Whether a token came from `createToken`, is unexpired and its account still exists. */
  verifyToken(token: string): boolean {
    return this.#tokens.verify(token)
  }

  /** Listens to the instance changes of the consumer's providers; returns the unsubscribe. */
  watch(ctx: RequestContext, consumerId: string, listener: WatchListener): () => void {
    const consumer = this.#read(() =>
      requireService(this.#core, ctx, consumerId, `Consumer[${consumerId}] does not exist.`),
    )
    return this.#core.watchers.subscribe(consumer.tenant.key, consumerId, listener)
  }

  /** Expires every instance whose lease is due (also done at the start of every operation). */
  sweep(): void {
    // While a write awaits its collection, expiry waits too: the write swept when it started.
    if (this.#writing > 0) return
    this.#core.leases.drain(this.clock.now(), (lease) => this.#expire(lease))
  }

  /** The whole registry as JSON. */
  snapshot(): Snapshot {
    return this.#read(() => takeSnapshot(this.#core))
  }

  /** Replaces everything with a snapshot; watchers are dropped, instances get a full TTL. */
  restore(snapshot: Snapshot): Promise<void> {
    return this.#write(async () => {
      const store = await restoreSnapshot(this.#core, snapshot)
      this.#core.watchers.clear()
      Object.assign(this.#core, store)
    })
  }

  /** Empties the registry and drops every watcher; the profile stays. */
  reset(): void {
    this.#core.watchers.clear()
    Object.assign(this.#core, emptyStore())
  }

  /** How much is stored. */
  stats(): { tenants: number; services: number; instances: number } {
    return this.#read(() => {
      let servicesCount = 0
      let instances = 0
      for (const tenant of this.#core.tenants.values()) {
        servicesCount += tenant.byId.size
        instances += tenant.instanceCount
      }
      return { tenants: this.#core.tenants.size, services: servicesCount, instances }
    })
  }

  #expire(lease: Lease): void {
    const entry = this.#core.tenants.get(lease.tenantKey)?.byId.get(lease.serviceId)
    const slot = entry?.instances.get(lease.instanceId)
    if (entry && slot?.lease === lease) removeInstance(this.#core, entry, slot)
  }

  #read<T>(run: () => T): T {
    this.sweep()
    return run()
  }

  /** Writes run one at a time, so checks made before an await still hold after it. */
  #write<T>(run: () => T | Promise<T>): Promise<T> {
    const task = this.#queue.then(async () => {
      this.sweep()
      this.#writing++
      try {
        return await run()
      } finally {
        this.#writing--
      }
    })
    this.#queue = task.catch(() => undefined)
    return task
  }
}

/**
 * Creates a registry.
 * @example
 * const registry = createRegistry({ profile: 'servicecomb', clock: createVirtualClock(0) })
 */
export function createRegistry(options?: RegistryOptions): Registry {
  return new Registry(options)
}
