import { hasAllTags, isVisibleTo } from './access.ts'
import {
  environmentOf,
  findTenant,
  type RegistryCore,
  type RequestContext,
  resolveConsumer,
} from './core.ts'
import { ALL_VERSIONS, recordDependency } from './dependencies.ts'
import { RegistryError } from './errors.ts'
import type { MicroServiceInstance } from './model.ts'
import { omitEmpty } from './output.ts'
import { isSharedName, OWN_SERVICE } from './own-service.ts'
import { type Revisioned, revisioned, revisionOf } from './revisions.ts'
import { nameKey, type ServiceEntry, type TenantState, tenantKey, versionOf } from './tenant.ts'
import { parseVersionRule, selectVersions, sortNewestFirst, type VersionRule } from './version.ts'

/**
 * The query of `GET /registry/instances` (reference §5.10).
 * @example
 * const q: FindQuery = { appId: 'shop', serviceName: 'cart', version: 'latest' }
 */
export interface FindQuery {
  appId: string
  serviceName: string
  version?: string
  env?: string
  tags?: string[]
  rev?: string
}

/**
 * The version rule of a discovery: required and parsed where the profile uses rules
 * (`versionRules`), ignored otherwise (Service Center ≥ 2.1 never reads it, §0).
 * @example
 * discoveryRule(core, 'latest') // { kind: 'latest', … } in the cse profile
 */
export function discoveryRule(
  core: RegistryCore,
  version: string | undefined,
): VersionRule | undefined {
  if (!core.rules.versionRules) return undefined
  if (!version) {
    throw new RegistryError(
      '400001',
      "field 'version' is required: give a version rule such as 1.0.0, latest, 1.0+ or 1.0-2.0",
    )
  }
  const rule = parseVersionRule(version)
  if (!rule) {
    throw new RegistryError(
      '400001',
      `field 'version' invalid value '${version}': not a version rule (segments are at most 32767)`,
    )
  }
  return rule
}

/**
 * What a discovery looks for, after the consumer's environment has been applied.
 * @example
 * const key: ProviderQuery = { environment: '', appId: 'shop', serviceName: 'cart' }
 */
export interface ProviderQuery {
  environment: string
  appId: string
  serviceName: string
  tags?: string[] | undefined
}

/**
 * The provider services a discovery returns, newest first: by name, else by alias (when
 * allowed), then the version rule, the tag filter and the consumer's access rule (§5.10, §6.3).
 * @example
 * const providers = matchProviders(tenant, consumer, key, rule, true)
 */
export function matchProviders(
  tenant: TenantState | undefined,
  consumer: ServiceEntry | undefined,
  key: ProviderQuery,
  rule: VersionRule | undefined,
  aliasFallback: boolean,
): ServiceEntry[] {
  const index = nameKey(key.environment, key.appId, key.serviceName)
  let versions = tenant?.byName.get(index)
  if (!versions && aliasFallback) versions = tenant?.byAlias.get(index)
  if (!versions)
    throw new RegistryError(
      '400012',
      `${findFlag(consumer, key, rule)} failed, provider does not exist`,
    )
  const selected = rule
    ? selectVersions(versions, versionOf, rule)
    : sortNewestFirst(versions, versionOf)
  if (rule?.kind === 'exact' && selected.length === 0) {
    throw new RegistryError(
      '400012',
      `${findFlag(consumer, key, rule)} failed, provider version does not exist`,
    )
  }
  return selected.filter(
    (provider) => hasAllTags(provider, key.tags) && (!consumer || isVisibleTo(consumer, provider)),
  )
}

/**
 * Service Center's description of a discovery in its errors:
 * `Consumer[<id>][<env>/<app>/<name>/<version>] find provider[<env>/<app>/<name>]`, with
 * empty consumer fields without `X-ConsumerId` (and the version rule where the profile has one).
 */
function findFlag(
  consumer: ServiceEntry | undefined,
  key: ProviderQuery,
  rule: VersionRule | undefined,
): string {
  const c = consumer?.record
  // Without a consumer Service Center still prints the environment asked for in its place.
  const who = `Consumer[${c?.serviceId ?? ''}][${c ? (c.environment ?? '') : key.environment}/${c?.appId ?? ''}/${c?.serviceName ?? ''}/${c?.version ?? ''}]`
  const wanted = `${key.environment}/${key.appId}/${key.serviceName}${rule ? `/${rule.text}` : ''}`
  return `${who} find provider[${wanted}]`
}

/**
 * Records consumer → provider for each provider name found (the real name, not the alias):
 * the rule used, or all versions, as the profile says (§6.1).
 * @example
 * recordDiscovery(core, consumer, providers, rule)
 */
export function recordDiscovery(
  core: RegistryCore,
  consumer: ServiceEntry,
  providers: readonly ServiceEntry[],
  rule: VersionRule | undefined,
): void {
  const version = core.rules.dependencyVersion === 'rule' && rule ? rule.text : ALL_VERSIONS
  for (const provider of providers) {
    const { environment = '', appId = '', serviceName = '' } = provider.record
    recordDependency(consumer.tenant, consumer.record.serviceId!, {
      environment,
      appId,
      serviceName,
      version,
    })
  }
}

/**
 * The instances of the providers, newest service first, with the result's revision.
 * @example
 * collectInstances(providers, q.rev)
 */
export function collectInstances(
  providers: readonly ServiceEntry[],
  rev: string | undefined,
): Revisioned<{ instances?: MicroServiceInstance[] }> {
  let maxModRevision = 0
  let count = 0
  for (const provider of providers) {
    maxModRevision = Math.max(maxModRevision, provider.modRevision)
    count += provider.instances.size
  }
  const revision = revisionOf(maxModRevision, count)
  if (rev === revision) return revisioned({}, revision, rev)
  const instances: MicroServiceInstance[] = []
  for (const provider of providers) {
    for (const slot of provider.instances.values()) instances.push(omitEmpty(slot.record))
  }
  return revisioned(instances.length ? { instances } : {}, revision, rev)
}

/**
 * `GET /registry/instances` (reference §5.10): instances of every status of the matching
 * providers; with `X-ConsumerId`, the consumer's environment and access rules apply and the
 * dependency is recorded when at least one provider remains.
 * @example
 * const { value, revision } = findInstances(core, ctx, { appId: 'shop', serviceName: 'cart', version: 'latest' })
 */
export function findInstances(
  core: RegistryCore,
  ctx: RequestContext,
  q: FindQuery,
): Revisioned<{ instances?: MicroServiceInstance[] }> {
  const rule = discoveryRule(core, q.version)
  if (isSharedName(tenantKey(ctx), q.appId, q.serviceName)) {
    // Service Center answers a shared service from its own environment, whoever asks (and
    // without checking or recording the consumer).
    const key = {
      environment: OWN_SERVICE.environment,
      appId: q.appId,
      serviceName: q.serviceName,
      tags: q.tags,
    }
    return collectInstances(
      matchProviders(findTenant(core, ctx), undefined, key, rule, true),
      q.rev,
    )
  }
  const consumer = resolveConsumer(core, ctx)
  const environment = consumer ? (consumer.record.environment ?? '') : environmentOf(core, q.env)
  const key = { environment, appId: q.appId, serviceName: q.serviceName, tags: q.tags }
  const providers = matchProviders(findTenant(core, ctx), consumer, key, rule, true)
  if (consumer && providers.length > 0) recordDiscovery(core, consumer, providers, rule)
  return collectInstances(providers, q.rev)
}
