import {
  environmentOf,
  findTenant,
  type RegistryCore,
  type RequestContext,
  resolveConsumer,
} from './core.ts'
import { collectInstances, discoveryRule, matchProviders, recordDiscovery } from './discovery.ts'
import { batchErrMessage, RegistryError } from './errors.ts'
import { getInstance } from './instance-queries.ts'
import type {
  BatchFindRequest,
  BatchFindResponse,
  BatchFindResult,
  FindFailedResult,
  FindResult,
  MicroServiceInstance,
} from './model.ts'
import type { Revisioned } from './revisions.ts'

type Found = Revisioned<{ instances?: MicroServiceInstance[] }>

/**
 * `POST /registry/instances/action?type=query` (reference §5.11): many discoveries in one call.
 * Each entry lands in `updated`, `notModified` (its `rev` is current) or `failed` (grouped by
 * error code). Entries by service behave like discovery without tags and without the alias
 * fallback; entries by instance like a get-by-id.
 * @example
 * batchFind(core, ctx, { services: [{ service: { appId: 'shop', serviceName: 'cart', version: 'latest' }, rev: '0' }] })
 */
export function batchFind(
  core: RegistryCore,
  ctx: RequestContext,
  body: BatchFindRequest,
): BatchFindResponse {
  const services = body?.services ?? []
  const instances = body?.instances ?? []
  if (services.length === 0 && instances.length === 0) {
    throw new RegistryError('400001', 'Required services or instances')
  }
  // Version rules are part of request validation, so a bad one fails the whole call.
  const rules = services.map((item) => discoveryRule(core, item.service?.version))
  const response: BatchFindResponse = {}
  if (services.length > 0) {
    response.services = collect(services, (item, index) => {
      const consumer = resolveConsumer(core, ctx)
      const { service } = item
      const environment = consumer
        ? (consumer.record.environment ?? '')
        : environmentOf(core, service.environment)
      const key = { environment, appId: service.appId, serviceName: service.serviceName }
      const rule = rules[index]
      const providers = matchProviders(findTenant(core, ctx), consumer, key, rule, false)
      if (consumer && providers.length > 0) recordDiscovery(core, consumer, providers, rule)
      return collectInstances(providers, item.rev)
    })
  }
  if (instances.length > 0) {
    response.instances = collect(instances, (item) => {
      const { serviceId, instanceId } = item.instance
      const found = getInstance(core, ctx, serviceId, instanceId, item.rev ? { rev: item.rev } : {})
      return { ...found, value: { instances: [found.value.instance] } }
    })
  }
  return response
}

function collect<T>(items: T[], find: (item: T, index: number) => Found): BatchFindResult {
  const updated: FindResult[] = []
  const notModified: number[] = []
  const failed = new Map<string, FindFailedResult>()
  items.forEach((item, index) => {
    try {
      const found = find(item, index)
      if (found.notModified) {
        notModified.push(index)
        return
      }
      const result: FindResult = { index, rev: found.revision }
      if (found.value.instances?.length) result.instances = found.value.instances
      updated.push(result)
    } catch (error) {
      if (!(error instanceof RegistryError)) throw error
      const group = failed.get(error.code)
      // Service Center wraps the inner text: `<errorMessage>(<detail>)`, as in batch heartbeats.
      const body = { ...error.toErrorBody(), detail: batchErrMessage(error) }
      if (group) group.indexes.push(index)
      else failed.set(error.code, { indexes: [index], error: body })
    }
  })
  const result: BatchFindResult = {}
  if (updated.length) result.updated = updated
  if (notModified.length) result.notModified = notModified
  if (failed.size) result.failed = [...failed.values()]
  return result
}
