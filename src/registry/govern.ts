import {
  environmentOf,
  findTenant,
  type RegistryCore,
  type RequestContext,
  requireService,
} from './core.ts'
import { listConsumers, listProviders } from './dependencies.ts'
import type { Graph, GraphNode, MicroService, ServiceDetail, Statistics } from './model.ts'
import { omitEmpty } from './output.ts'
import { isOwnService } from './own-service.ts'
import { listSchemas } from './schemas.ts'
import type { ServiceEntry, TenantState } from './tenant.ts'
import { compareVersions } from './version.ts'

/**
 * What `GET /govern/microservices` asks for.
 * @example
 * const q: GovernListQuery = { options: ['all'], withShared: false }
 */
export interface GovernListQuery {
  options: readonly string[]
  appId?: string | undefined
  serviceName?: string | undefined
  env?: string | undefined
  properties?: Record<string, string> | undefined
  withShared?: boolean | undefined
  countOnly?: boolean | undefined
}

/** The detail options `all` stands for (statistics comes on top). */
const ALL_OPTIONS = ['tags', 'instances', 'schemas', 'dependencies']

/** The tenant's services the governance API lists: the shared SERVICECENTER only `withShared`. */
function servicesOf(tenant: TenantState | undefined, withShared: boolean | undefined) {
  const entries: ServiceEntry[] = []
  for (const entry of tenant?.byId.values() ?? []) {
    if (withShared || !isOwnService(entry)) entries.push(entry)
  }
  return entries
}

/**
 * `GET /govern/apps`: the appIds of the services in one environment (the profile's default
 * when `env` is absent), sorted as Service Center's index keys are.
 * @example
 * listApps(core, ctx, { withShared: false }) // { appIds: ['shop'] }
 */
export function listApps(
  core: RegistryCore,
  ctx: RequestContext,
  q: { env?: string | undefined; withShared?: boolean | undefined },
): { appIds?: string[] } {
  const environment = environmentOf(core, q.env)
  const apps = new Set<string>()
  for (const entry of servicesOf(findTenant(core, ctx), q.withShared)) {
    if ((entry.record.environment ?? '') === environment) apps.add(entry.record.appId ?? '')
  }
  const appIds = [...apps].sort()
  return appIds.length ? { appIds } : {}
}

/**
 * `GET /govern/microservices`: every service (filtered by appId, serviceName, env and
 * properties) with the details the options ask for: `tags`, `instances`, `schemas`,
 * `dependencies`, `statistics`, or `all`. The overview leaves out the service's `schemas` and
 * its instances' properties, as Service Center does.
 * @example
 * listServiceDetails(core, ctx, { options: ['instances'] }).allServicesDetail
 */
export function listServiceDetails(
  core: RegistryCore,
  ctx: RequestContext,
  q: GovernListQuery,
): { allServicesDetail?: ServiceDetail[]; statistics?: Statistics } {
  const wanted = new Set(q.options)
  const all = wanted.has('all')
  const options = all ? ALL_OPTIONS : [...wanted]
  const statistics =
    all || wanted.has('statistics') ? countTenant(core, ctx, q.withShared) : undefined
  if (statistics && !all && wanted.size === 1) return { statistics }
  const details: ServiceDetail[] = []
  for (const entry of servicesOf(findTenant(core, ctx), q.withShared)) {
    if (!matches(entry.record, q)) continue
    const detail = detailOf(core, ctx, entry, options, q.countOnly ?? false)
    const { schemas: _schemas, ...service } = omitEmpty(entry.record)
    detail.microService = service
    if (detail.instances) {
      detail.instances = detail.instances.map(
        ({ properties: _properties, ...instance }) => instance,
      )
    }
    details.push(withMicroServiceFirst(detail))
  }
  // Not through omitEmpty: Service Center keeps the empty count objects (`"services":{}`).
  const result: { allServicesDetail?: ServiceDetail[]; statistics?: Statistics } = {}
  if (details.length) result.allServicesDetail = details
  if (statistics) result.statistics = statistics
  return result
}

function matches(service: MicroService, q: GovernListQuery): boolean {
  if (q.env && q.env !== (service.environment ?? '')) return false
  if (q.appId && q.appId !== service.appId) return false
  if (q.serviceName && q.serviceName !== service.serviceName) return false
  for (const [key, value] of Object.entries(q.properties ?? {})) {
    if (service.properties?.[key] !== value) return false
  }
  return true
}

function detailOf(
  core: RegistryCore,
  ctx: RequestContext,
  entry: ServiceEntry,
  options: readonly string[],
  countOnly: boolean,
): ServiceDetail {
  const serviceId = entry.record.serviceId!
  const detail: ServiceDetail = countOnly ? { statics: {} } : {}
  for (const option of options) {
    if (option === 'tags' && entry.tags.size) detail.tags = Object.fromEntries(entry.tags)
    if (option === 'instances') {
      const instances = [...entry.instances.values()].map((slot) => omitEmpty(slot.record))
      if (countOnly) detail.statics!.instances = omitEmpty({ count: instances.length })
      else if (instances.length) detail.instances = instances
    }
    if (option === 'schemas') {
      const { schemas } = listSchemas(core, ctx, serviceId, true)
      if (schemas) detail.schemaInfos = schemas
    }
    if (option === 'dependencies') {
      const options = { noSelf: true, sameDomain: true }
      const { consumers } = listConsumers(core, ctx, serviceId, options)
      const { providers } = listProviders(core, ctx, serviceId, options)
      if (consumers) detail.consumers = consumers
      if (providers) detail.providers = providers
    }
  }
  return detail
}

/** Service Center writes `microService` first; keeps the JSON comparable by eye. */
function withMicroServiceFirst(detail: ServiceDetail): ServiceDetail {
  const { microService, ...rest } = detail
  return { microService, ...rest } as ServiceDetail
}

/**
 * `GET /govern/microservices/{serviceId}`: the service with everything about it: instances,
 * contracts with their text, providers, consumers, tags and every version of its name.
 * @example
 * getServiceDetail(core, ctx, serviceId).service.microServiceVersions
 */
export function getServiceDetail(
  core: RegistryCore,
  ctx: RequestContext,
  serviceId: string,
): { service: ServiceDetail } {
  const entry = requireService(core, ctx, serviceId)
  const detail: ServiceDetail = { microService: omitEmpty(entry.record) }
  const instances = [...entry.instances.values()].map((slot) => omitEmpty(slot.record))
  if (instances.length) detail.instances = instances
  const { schemas } = listSchemas(core, ctx, serviceId, true)
  if (schemas) detail.schemaInfos = schemas
  const { consumers } = listConsumers(core, ctx, serviceId)
  if (consumers) detail.consumers = consumers
  const { providers } = listProviders(core, ctx, serviceId)
  if (providers) detail.providers = providers
  if (entry.tags.size) detail.tags = Object.fromEntries(entry.tags)
  const versions = [...(entry.tenant.byName.get(entry.nameKey) ?? [])]
    .map((other) => other.record.version ?? '')
    .sort(compareVersions)
  detail.microServiceVersions = versions
  return { service: detail }
}

/**
 * `GET /govern/relations`: every service as a node and a line from each consumer to each of
 * its providers (the shared SERVICECENTER only `withShared`); the line's `to` carries only the
 * provider's id and name.
 * @example
 * getRelations(core, ctx, false).lines
 */
export function getRelations(core: RegistryCore, ctx: RequestContext, withShared: boolean): Graph {
  const entries = servicesOf(findTenant(core, ctx), withShared)
  if (entries.length === 0) return { nodes: null, lines: null, circles: null }
  const nodes: GraphNode[] = []
  const lines: NonNullable<Graph['lines']> = []
  for (const entry of entries) {
    const node = nodeOf(entry.record)
    nodes.push(node)
    const { providers } = listProviders(core, ctx, node.id, { noSelf: true, sameDomain: true })
    for (const provider of providers ?? []) {
      if (provider.serviceId === node.id) continue
      const target = entry.tenant.byId.get(provider.serviceId ?? '')
      if (!withShared && target && isOwnService(target)) continue
      const to = { ...nodeOf({}), id: provider.serviceId ?? '', name: provider.serviceName ?? '' }
      lines.push({ from: node, to, type: '', color: '', descriptor: '' })
    }
  }
  return { nodes, lines: lines.length ? lines : null, circles: null }
}

function nodeOf(service: MicroService): GraphNode {
  return {
    id: service.serviceId ?? '',
    name: service.serviceName ?? '',
    appId: service.appId ?? '',
    version: service.version ?? '',
    type: '',
    color: '',
    position: '',
  }
}

/**
 * `GET /govern/statistics`: the tenant's counts, the shared SERVICECENTER left out.
 * @example
 * getStatistics(core, ctx) // { statistics: { services: { count: 1 }, instances: {}, apps: { count: 1 } } }
 */
export function getStatistics(core: RegistryCore, ctx: RequestContext): { statistics: Statistics } {
  return { statistics: countTenant(core, ctx, false) }
}

/**
 * Services are counted by name (environment, appId, serviceName: versions count once), online
 * ones by having an instance; apps by appId; `countByDomain` counts the same instances.
 */
function countTenant(
  core: RegistryCore,
  ctx: RequestContext,
  withShared: boolean | undefined,
): Statistics {
  const names = new Set<string>()
  const online = new Set<string>()
  const apps = new Set<string>()
  let instances = 0
  for (const entry of servicesOf(findTenant(core, ctx), withShared)) {
    names.add(entry.nameKey)
    apps.add(entry.record.appId ?? '')
    instances += entry.instances.size
    if (entry.instances.size > 0) online.add(entry.nameKey)
  }
  return {
    services: omitEmpty({ count: names.size, onlineCount: online.size }),
    instances: omitEmpty({ count: instances, countByDomain: instances }),
    apps: omitEmpty({ count: apps.size }),
  }
}
