import { SNAPSHOT_FORMAT, type Snapshot } from '../registry/snapshot.ts'
import { kindOf } from './body.ts'
import { ControlError } from './respond.ts'

/**
 * Checks the shape of a snapshot body before it reaches the registry, naming the first field
 * that is wrong; the registry still checks each record against the spec when it restores.
 * @example
 * const snapshot = checkSnapshot(await readControlBody(request))
 */
export function checkSnapshot(body: unknown): Snapshot {
  const root = object(body, 'the snapshot')
  if (root.format !== SNAPSHOT_FORMAT) {
    invalid(`format is ${JSON.stringify(root.format) ?? 'missing'}, expected "${SNAPSHOT_FORMAT}"`)
  }
  if (root.description !== undefined && typeof root.description !== 'string') {
    invalid('description must be a string')
  }
  array(root.tenants, 'tenants').forEach((tenantValue, t) => {
    const at = `tenants[${t}]`
    const tenant = object(tenantValue, at)
    text(tenant.domain, `${at}.domain`)
    text(tenant.project, `${at}.project`)
    array(tenant.services, `${at}.services`).forEach((entryValue, s) => {
      const entryAt = `${at}.services[${s}]`
      const entry = object(entryValue, entryAt)
      const service = object(entry.service, `${entryAt}.service`)
      text(service.serviceId, `${entryAt}.service.serviceId`)
      text(service.serviceName, `${entryAt}.service.serviceName`)
      if (entry.tags !== undefined) {
        for (const [key, value] of Object.entries(object(entry.tags, `${entryAt}.tags`))) {
          if (typeof value !== 'string') invalid(`${entryAt}.tags.${key} must be a string`)
        }
      }
      optionalArray(entry.schemas, `${entryAt}.schemas`).forEach((schema, i) => {
        text(
          object(schema, `${entryAt}.schemas[${i}]`).schemaId,
          `${entryAt}.schemas[${i}].schemaId`,
        )
      })
      optionalArray(entry.instances, `${entryAt}.instances`).forEach((instance, i) => {
        const instanceAt = `${entryAt}.instances[${i}]`
        text(object(instance, instanceAt).instanceId, `${instanceAt}.instanceId`)
      })
    })
    array(tenant.dependencies, `${at}.dependencies`).forEach((dependency, d) => {
      const dependencyAt = `${at}.dependencies[${d}]`
      const rule = object(dependency, dependencyAt)
      text(rule.consumerId, `${dependencyAt}.consumerId`)
      array(rule.providers, `${dependencyAt}.providers`).forEach((provider, p) => {
        object(provider, `${dependencyAt}.providers[${p}]`)
      })
    })
  })
  return body as Snapshot
}

function object(value: unknown, at: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    invalid(`${at} must be a JSON object, got ${kindOf(value)}`)
  }
  return value as Record<string, unknown>
}

function array(value: unknown, at: string): unknown[] {
  if (!Array.isArray(value)) invalid(`${at} must be an array, got ${kindOf(value)}`)
  return value
}

function optionalArray(value: unknown, at: string): unknown[] {
  return value === undefined ? [] : array(value, at)
}

function text(value: unknown, at: string): void {
  if (typeof value !== 'string' || value === '') invalid(`${at} must be a non-empty string`)
}

function invalid(reason: string): never {
  throw new ControlError(400, 'INVALID_SNAPSHOT', `The snapshot is invalid: ${reason}.`)
}
