import { batchFind } from './batch-find.ts'
import { type RequestContext, requireService } from './core.ts'
import * as dependencies from './dependencies.ts'
import { type FindQuery, findInstances } from './discovery.ts'
import { RegistryError } from './errors.ts'
import { heartbeat, heartbeats } from './heartbeats.ts'
import { getInstance, type InstanceReadOptions, listInstances } from './instance-queries.ts'
import * as updates from './instance-updates.ts'
import { registerInstance } from './instances.ts'
import type * as model from './model.ts'
import { accountFields } from './rbac/accounts.ts'
import type { RegistryOptions } from './registry-base.ts'
import type { Revisioned } from './revisions.ts'
import { ServiceOperations } from './service-operations.ts'
import { tokenLifetimeMs } from './token.ts'
import type { WatchListener } from './watch.ts'

/**
 * The registry domain: every operation of the CSE / Service Center v4 registry API as a
 * method, on in-memory state. Expected outcomes such as "not found" are thrown as
 * `RegistryError`s carrying the registry's code. This class adds the instance side (instances,
 * heartbeats, discovery, dependencies, tokens, watch) to the service side it extends.
 * @example
 * const registry = createRegistry()
 * const { serviceId } = await registry.createService(ctx, { service: { serviceName: 'cart' } })
 */
export class Registry extends ServiceOperations {
  /** `POST …/instances`. */
  registerInstance(
    ctx: RequestContext,
    serviceId: string,
    instance: model.MicroServiceInstance,
  ): Promise<{ instanceId: string }> {
    return this.write(() => registerInstance(this.core, ctx, serviceId, instance))
  }

  /** `GET …/microservices/{serviceId}/instances`. */
  listInstances(
    ctx: RequestContext,
    serviceId: string,
    opts?: InstanceReadOptions,
  ): Revisioned<{ instances?: model.MicroServiceInstance[] }> {
    return this.read(() => listInstances(this.core, ctx, serviceId, opts))
  }

  /** `GET …/instances/{instanceId}`. */
  getInstance(
    ctx: RequestContext,
    serviceId: string,
    instanceId: string,
    opts?: InstanceReadOptions,
  ): Revisioned<{ instance: model.MicroServiceInstance }> {
    return this.read(() => getInstance(this.core, ctx, serviceId, instanceId, opts))
  }

  /** `DELETE …/instances/{instanceId}`. */
  deregisterInstance(ctx: RequestContext, serviceId: string, instanceId: string): Promise<void> {
    return this.write(() => updates.deregisterInstance(this.core, ctx, serviceId, instanceId))
  }

  /** `PUT …/heartbeat`: renews the lease only. */
  heartbeat(ctx: RequestContext, serviceId: string, instanceId: string): void {
    this.read(() => heartbeat(this.core, ctx, serviceId, instanceId))
    this.changed()
  }

  /** `PUT /registry/heartbeats`; the profile decides the answer's shape. */
  heartbeats(
    ctx: RequestContext,
    pairs: { serviceId: string; instanceId: string }[],
  ): model.HeartbeatSetResponse | undefined {
    const result = this.read(() => heartbeats(this.core, ctx, pairs))
    this.changed()
    return result
  }

  /** `PUT …/status?value=`. */
  updateInstanceStatus(
    ctx: RequestContext,
    serviceId: string,
    instanceId: string,
    status: string,
  ): Promise<void> {
    return this.write(() =>
      updates.updateInstanceStatus(this.core, ctx, serviceId, instanceId, status),
    )
  }

  /** `PUT …/instances/{instanceId}/properties`. */
  updateInstanceProperties(
    ctx: RequestContext,
    serviceId: string,
    instanceId: string,
    properties: Record<string, string> | undefined,
  ): Promise<void> {
    return this.write(() =>
      updates.updateInstanceProperties(this.core, ctx, serviceId, instanceId, properties),
    )
  }

  /** `PUT /registry/instances/status`. */
  updateInstancesStatus(
    ctx: RequestContext,
    body: { matches?: { properties?: Record<string, string> }; status?: string },
  ): Promise<void> {
    return this.write(() => updates.updateInstancesStatus(this.core, ctx, body))
  }

  /** `GET /registry/instances`; async because it may record a dependency. */
  async findInstances(
    ctx: RequestContext,
    q: FindQuery,
  ): Promise<Revisioned<{ instances?: model.MicroServiceInstance[] }>> {
    return this.read(() => findInstances(this.core, ctx, q))
  }

  /** `POST /registry/instances/action?type=query`. */
  async batchFind(
    ctx: RequestContext,
    body: model.BatchFindRequest,
  ): Promise<model.BatchFindResponse> {
    return this.read(() => batchFind(this.core, ctx, body))
  }

  /** `GET …/{consumerId}/providers`. */
  listProviders(
    ctx: RequestContext,
    consumerId: string,
    q?: { noSelf?: boolean; sameDomain?: boolean },
  ): { providers?: model.MicroService[] } {
    return this.read(() => dependencies.listProviders(this.core, ctx, consumerId, q))
  }

  /** `GET …/{providerId}/consumers`. */
  listConsumers(
    ctx: RequestContext,
    providerId: string,
    q?: { noSelf?: boolean; sameDomain?: boolean },
  ): { consumers?: model.MicroService[] } {
    return this.read(() => dependencies.listConsumers(this.core, ctx, providerId, q))
  }

  /** `POST /registry/dependencies` (deprecated): adds rules. */
  addDependencies(
    ctx: RequestContext,
    body: model.AddDependenciesRequest | model.PutDependenciesRequest,
  ): Promise<void> {
    return this.write(() => dependencies.addDependencies(this.core, ctx, body))
  }

  /** `PUT /registry/dependencies` (deprecated): overwrites each consumer's rules. */
  putDependencies(
    ctx: RequestContext,
    body: model.AddDependenciesRequest | model.PutDependenciesRequest,
  ): Promise<void> {
    return this.write(() => dependencies.putDependencies(this.core, ctx, body))
  }

  /**
   * `POST /v4/token`: with RBAC on, Service Center's login (lockout by name and client
   * `address`); with it off, a token for any credentials.
   */
  async createToken(body: unknown, address = ''): Promise<{ token: string }> {
    if (body === undefined) throw new RegistryError('400001', 'unexpected end of JSON input')
    if (this.rbac) return await this.rbac.login(body, address)
    const fields = accountFields(body)
    const exp = Math.floor((this.clock.now() + tokenLifetimeMs(fields.tokenExpirationTime)) / 1000)
    return { token: await this.tokens.sign({ name: fields.name, roles: [] }, exp) }
  }

  /** Whether registry calls need a bearer token: true when RBAC is on. */
  get requiresAuth(): boolean {
    return this.rbac !== undefined
  }

  /** Listens to the instance changes of the consumer's providers; returns the unsubscribe. */
  watch(ctx: RequestContext, consumerId: string, listener: WatchListener): () => void {
    const consumer = this.read(() =>
      requireService(this.core, ctx, consumerId, `Consumer[${consumerId}] does not exist.`),
    )
    return this.core.watchers.subscribe(consumer.tenant.key, consumerId, listener)
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
