import { type RegistryCore, type RequestContext, requireService } from './core.ts'
import { hasOtherConsumers, removeConsumer } from './dependencies.ts'
import { batchErrMessage, RegistryError } from './errors.ts'
import { removeInstance } from './instances.ts'
import type { DeleteServicesResponse, DelServicesRspInfo } from './model.ts'
import { OWN_SERVICE_ID } from './own-service.ts'
import { removeFromIndex, type ServiceEntry, serviceIdentityKey } from './tenant.ts'

/**
 * `DELETE /registry/microservices/{serviceId}` (reference §4.4). Without `force`: 400023 when
 * another service depends on it, then 400013 when it has instances. SERVICECENTER's own id is
 * refused in every tenant before any lookup, as Service Center does.
 * @example
 * deleteService(core, ctx, serviceId, { force: true })
 */
export function deleteService(
  core: RegistryCore,
  ctx: RequestContext,
  serviceId: string,
  opts: { force?: boolean } = {},
): void {
  if (serviceId === OWN_SERVICE_ID) {
    throw new RegistryError('400001', 'not allow to delete service center')
  }
  const entry = requireService(core, ctx, serviceId)
  if (!opts.force) {
    if (hasOtherConsumers(entry)) {
      throw new RegistryError('400023', 'Can not delete this service, other service rely it.')
    }
    if (entry.instances.size > 0) {
      throw new RegistryError('400013', 'Can not delete the service deployed instance(s).')
    }
  }
  removeService(core, entry)
}

/**
 * Removes a service with its instances (watchers get `DELETE`), tags, schemas, alias and the
 * dependency rules where it is the consumer.
 * @example
 * removeService(core, entry)
 */
export function removeService(core: RegistryCore, entry: ServiceEntry): void {
  const { tenant } = entry
  for (const slot of [...entry.instances.values()]) removeInstance(core, entry, slot)
  const serviceId = entry.record.serviceId!
  removeConsumer(tenant, serviceId)
  tenant.services.delete(entry.record as never)
  tenant.byId.delete(serviceId)
  tenant.byIdentity.delete(serviceIdentityKey(entry.record))
  removeFromIndex(tenant.byName, entry.nameKey, entry)
  if (entry.aliasKey) removeFromIndex(tenant.byAlias, entry.aliasKey, entry)
  entry.removed = true
  entry.schemaStore?.clear()
  if (tenant.byId.size === 0) core.tenants.delete(tenant.key)
}

/**
 * `DELETE /registry/microservices` (reference §4.5): each id as a single delete, duplicates
 * once. `cse` answers nothing when all succeed and 400001 otherwise; `servicecomb` lists them.
 * @example
 * deleteServices(core, ctx, { serviceIds: [a, b], force: true })
 */
export function deleteServices(
  core: RegistryCore,
  ctx: RequestContext,
  body: { serviceIds: string[]; force?: boolean },
): DeleteServicesResponse | undefined {
  const ids = [...new Set(body?.serviceIds ?? [])]
  if (ids.length === 0) throw new RegistryError('400001', "field 'serviceIds' must not be empty")
  const results: DelServicesRspInfo[] = []
  const failed: string[] = []
  for (const serviceId of ids) {
    try {
      deleteService(core, ctx, serviceId, body.force ? { force: true } : {})
      results.push({ serviceId })
    } catch (error) {
      if (!(error instanceof RegistryError)) throw error
      const errMessage = batchErrMessage(error)
      results.push({ serviceId, errMessage })
      failed.push(`${serviceId}: ${errMessage}`)
    }
  }
  if (core.rules.batchDeleteResponse === 'list') return { services: results }
  if (failed.length > 0) throw new RegistryError('400001', `Delete failed for ${failed.join('; ')}`)
  return undefined
}
