import {
  environmentOf,
  findTenant,
  type RegistryCore,
  type RequestContext,
  requireService,
} from './core.ts'
import { RegistryError } from './errors.ts'
import { nameKey, versionOf } from './tenant.ts'
import { parseVersion, parseVersionRule, selectVersions } from './version.ts'

/**
 * The query of `GET /registry/existence` (reference §4.7).
 * @example
 * const q: ExistenceQuery = { type: 'microservice', appId: 'shop', serviceName: 'cart', version: '1.0.0' }
 */
export interface ExistenceQuery {
  type?: string
  env?: string
  appId?: string
  serviceName?: string
  version?: string
  serviceId?: string
  schemaId?: string
}

/**
 * Finds a service id by key (`type=microservice`) or checks a schema (`type=schema`, with the
 * summary for the `X-Schema-Summary` header). `appId` has no default here.
 * @example
 * existence(core, ctx, { type: 'microservice', appId: 'shop', serviceName: 'cart', version: 'latest' }).serviceId
 */
export function existence(
  core: RegistryCore,
  ctx: RequestContext,
  q: ExistenceQuery,
): { serviceId: string; schemaId?: string; summary?: string } {
  if (q.type === 'microservice') return { serviceId: serviceExists(core, ctx, q) }
  if (q.type === 'schema') {
    if (!q.serviceId || !q.schemaId) {
      throw new RegistryError('400001', "fields 'serviceId' and 'schemaId' are required")
    }
    const entry = requireService(core, ctx, q.serviceId, 'service does not exist.')
    const schema = entry.schemas.get(q.schemaId)
    if (!schema) throw new RegistryError('400016', 'schema ref not found.')
    const found: { serviceId: string; schemaId: string; summary?: string } = {
      serviceId: q.serviceId,
      schemaId: q.schemaId,
    }
    if (schema.summary) found.summary = schema.summary
    return found
  }
  throw new RegistryError('400001', 'Only micro-service and schema can be used as type.')
}

function serviceExists(core: RegistryCore, ctx: RequestContext, q: ExistenceQuery): string {
  const { appId, serviceName } = q
  // The HTTP layer has run Service Center's validator (a version is required in both profiles).
  const version = q.version
  if (!appId || !serviceName || version === undefined) {
    throw new RegistryError('400001', "fields 'appId', 'serviceName' and 'version' are required")
  }
  const environment = environmentOf(core, q.env)
  const flag = `${environment}/${appId}/${serviceName}/${version}`
  const tenant = findTenant(core, ctx)
  const key = nameKey(environment, appId, serviceName)
  // `serviceName` may be an alias (§4.7).
  const versions = tenant?.byName.get(key) ?? tenant?.byAlias.get(key)
  if (core.rules.versionRules) {
    const rule = parseVersionRule(version)
    if (!rule)
      throw new RegistryError(
        '400001',
        `field 'version' invalid value '${version}': not a version rule`,
      )
    const exact = [...(versions ?? [])].find((e) => e.record.version === version)
    if (rule.kind === 'exact') {
      if (!exact) throw new RegistryError('400012', `${flag} does not exist.`)
      return exact.record.serviceId!
    }
    if (!versions) throw new RegistryError('400012', `${flag} does not exist.`)
    const newest = selectVersions(versions, versionOf, rule)[0]
    if (!newest) throw new RegistryError('400026', `${flag} version mismatch.`)
    return newest.record.serviceId!
  }
  if (!parseVersion(version)) {
    throw new RegistryError('400001', `field 'version' invalid value '${version}': not a version`)
  }
  // Service Center's words: the key, then what is missing.
  if (!versions) throw new RegistryError('400012', `${flag} does not exist.`)
  const exact = [...versions].find((e) => e.record.version === version)
  if (!exact) throw new RegistryError('400026', `${flag} version mismatch.`)
  return exact.record.serviceId!
}
