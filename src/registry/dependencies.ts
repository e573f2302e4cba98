import {
  environmentOf,
  findTenant,
  type RegistryCore,
  type RequestContext,
  requireService,
} from './core.ts'
import { RegistryError } from './errors.ts'
import type {
  AddDependenciesRequest,
  MicroService,
  MicroServiceKey,
  PutDependenciesRequest,
} from './model.ts'
import { omitEmpty } from './output.ts'
import {
  addToIndex,
  identityKey,
  nameKey,
  type ProviderRule,
  removeFromIndex,
  type ServiceEntry,
  type TenantState,
  versionOf,
} from './tenant.ts'
import { parseVersionRule, selectVersions } from './version.ts'

/**
 * The rule Modern Service Center records for every dependency: all versions (reference §6.1).
 * @example
 * recordDependency(tenant, consumerId, { environment: '', appId: 'shop', serviceName: 'cart', version: ALL_VERSIONS })
 */
export const ALL_VERSIONS = '0.0.0+'

/**
 * Records (or replaces) the consumer's rule for one provider name.
 * @example
 * recordDependency(tenant, consumer.record.serviceId!, { environment: '', appId: 'shop', serviceName: 'cart', version: '0.0.0+' })
 */
export function recordDependency(
  tenant: TenantState,
  consumerId: string,
  rule: ProviderRule,
): void {
  const key = nameKey(rule.environment, rule.appId, rule.serviceName)
  let rules = tenant.dependencies.get(consumerId)
  if (!rules) {
    rules = new Map()
    tenant.dependencies.set(consumerId, rules)
  }
  rules.set(key, rule)
  addToIndex(tenant.consumersOf, key, consumerId)
}

/**
 * Forgets every rule of a consumer (service deletion, or a PUT that overwrites them).
 * @example
 * removeConsumer(tenant, serviceId)
 */
export function removeConsumer(tenant: TenantState, consumerId: string): void {
  const rules = tenant.dependencies.get(consumerId)
  if (!rules) return
  for (const key of rules.keys()) removeFromIndex(tenant.consumersOf, key, consumerId)
  tenant.dependencies.delete(consumerId)
}

/**
 * Whether a recorded rule covers this provider version (`latest` = the newest of its name).
 * @example
 * ruleCovers(tenant, rule, provider)
 */
export function ruleCovers(
  tenant: TenantState,
  rule: ProviderRule,
  provider: ServiceEntry,
): boolean {
  return providersOfRule(tenant, rule).includes(provider)
}

/** Every existing service version a rule points at, newest first. */
function providersOfRule(tenant: TenantState, rule: ProviderRule): ServiceEntry[] {
  const versions = tenant.byName.get(nameKey(rule.environment, rule.appId, rule.serviceName))
  if (!versions) return []
  const parsed = parseVersionRule(rule.version)
  return parsed ? selectVersions(versions, versionOf, parsed) : []
}

/**
 * Whether services other than the service itself depend on its name (any version), which
 * blocks a non-forced delete with 400023 (reference §4.4).
 * @example
 * hasOtherConsumers(entry)
 */
export function hasOtherConsumers(entry: ServiceEntry): boolean {
  const consumers = entry.tenant.consumersOf.get(entry.nameKey)
  if (!consumers) return false
  for (const consumerId of consumers) if (consumerId !== entry.record.serviceId) return true
  return false
}

interface ListOptions {
  noSelf?: boolean
  sameDomain?: boolean
}

/**
 * The providers a consumer depends on: every existing version each rule covers (§6.2).
 * @example
 * listProviders(core, ctx, consumerId, { noSelf: true })
 */
export function listProviders(
  core: RegistryCore,
  ctx: RequestContext,
  consumerId: string,
  q: ListOptions = {},
): { providers?: MicroService[] } {
  const consumer = requireService(core, ctx, consumerId, 'Consumer does not exist')
  const seen = new Set<ServiceEntry>()
  for (const rule of consumer.tenant.dependencies.get(consumerId)?.values() ?? []) {
    for (const provider of providersOfRule(consumer.tenant, rule)) seen.add(provider)
  }
  // Every service here lives in the caller's tenant, so `sameDomain` removes nothing.
  if (q.noSelf) seen.delete(consumer)
  return listOf('providers', seen)
}

/**
 * The consumers recorded against the provider's name, whatever version they asked for (§6.2).
 * @example
 * listConsumers(core, ctx, providerId)
 */
export function listConsumers(
  core: RegistryCore,
  ctx: RequestContext,
  providerId: string,
  q: ListOptions = {},
): { consumers?: MicroService[] } {
  const provider = requireService(core, ctx, providerId, 'Provider does not exist')
  const consumers: ServiceEntry[] = []
  for (const consumerId of provider.tenant.consumersOf.get(provider.nameKey) ?? []) {
    const consumer = provider.tenant.byId.get(consumerId)
    if (consumer && !(q.noSelf && consumer === provider)) consumers.push(consumer)
  }
  return listOf('consumers', consumers)
}

function listOf<K extends string>(
  key: K,
  entries: Iterable<ServiceEntry>,
): { [P in K]?: MicroService[] } {
  const list = [...entries].map((entry) => omitEmpty(entry.record))
  return (list.length ? { [key]: list } : {}) as { [P in K]?: MicroService[] }
}

/**
 * `POST /dependencies`: adds rules to each consumer (deprecated API, §6.1).
 * @example
 * addDependencies(core, ctx, { dependencies: [{ consumer, providers: [{ serviceName: 'cart' }] }] })
 */
export function addDependencies(
  core: RegistryCore,
  ctx: RequestContext,
  body: AddDependenciesRequest | PutDependenciesRequest,
): void {
  applyDependencies(core, ctx, body, false)
}

/**
 * `PUT /dependencies`: overwrites each consumer's rules (providers may be empty).
 * @example
 * putDependencies(core, ctx, { dependencies: [{ consumer, providers: [] }] })
 */
export function putDependencies(
  core: RegistryCore,
  ctx: RequestContext,
  body: AddDependenciesRequest | PutDependenciesRequest,
): void {
  applyDependencies(core, ctx, body, true)
}

function applyDependencies(
  core: RegistryCore,
  ctx: RequestContext,
  body: AddDependenciesRequest | PutDependenciesRequest,
  overwrite: boolean,
): void {
  const items = body?.dependencies ?? []
  if (items.length === 0) throw new RegistryError('400001', 'Invalid request body.')
  // Check everything first so that a bad item leaves no half-applied change behind.
  const resolved = items.map((item) => {
    const consumer = findConsumer(core, ctx, item.consumer)
    const providers = item.providers ?? []
    if (!overwrite && providers.length === 0) {
      throw new RegistryError('400001', 'Required providers.')
    }
    const rules = providers.map((provider) => providerRule(core, consumer, provider))
    const keys = new Set(rules.map((r) => nameKey(r.environment, r.appId, r.serviceName)))
    if (keys.size !== rules.length) {
      throw new RegistryError('400001', 'Duplicate providers in the dependency.')
    }
    return { consumer, rules }
  })
  for (const { consumer, rules } of resolved) {
    const consumerId = consumer.record.serviceId!
    if (overwrite) removeConsumer(consumer.tenant, consumerId)
    for (const rule of rules) recordDependency(consumer.tenant, consumerId, rule)
  }
}

function findConsumer(core: RegistryCore, ctx: RequestContext, key: MicroServiceKey): ServiceEntry {
  const environment = environmentOf(core, key.environment)
  const identity = identityKey(environment, key.appId ?? '', key.serviceName, key.version ?? '')
  const consumer = findTenant(core, ctx)?.byIdentity.get(identity)
  if (!consumer) {
    const flag = `${environment}/${key.appId ?? ''}/${key.serviceName}/${key.version ?? ''}`
    throw new RegistryError('400012', `Consumer[${flag}] does not exist.`)
  }
  return consumer
}

function providerRule(
  core: RegistryCore,
  consumer: ServiceEntry,
  provider: MicroServiceKey,
): ProviderRule {
  let version = ALL_VERSIONS
  if (core.rules.dependencyVersion === 'rule' && provider.version) {
    if (!parseVersionRule(provider.version)) {
      throw new RegistryError('400001', `Invalid provider version rule '${provider.version}'.`)
    }
    version = provider.version
  }
  return {
    // Unlike appId, Service Center does not take the consumer's environment: a provider sent
    // without one is looked up in the default environment.
    environment: environmentOf(core, provider.environment),
    appId: provider.appId || consumer.record.appId || '',
    serviceName: provider.serviceName,
    version,
  }
}
