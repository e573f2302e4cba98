import type { components } from '../generated/schema.ts'
import type { SnapshotService } from '../registry/snapshot.ts'
import { createHostStandIns, replaceEndpointHost } from './host-stand-ins.ts'
import { shapedStandIn } from './keyed-digest.ts'
import { redactSchema } from './schema-stand-in.ts'

type MicroServiceInstance = components['schemas']['MicroServiceInstance']

/**
 * The key stand-ins are made with when none is given. Public: without a key of your own, a
 * guessed value can be checked against its stand-in.
 * @example
 * redactServices(services, { key: DEFAULT_REDACT_KEY })
 */
export const DEFAULT_REDACT_KEY = 'cse-mock import'

/**
 * Property keys whose values are always kept: the registry itself acts on them
 * (`allowCrossApp: "true"` opens a service to other apps).
 * @example
 * ALWAYS_KEPT_PROPERTIES.includes('allowCrossApp') // true
 */
export const ALWAYS_KEPT_PROPERTIES: readonly string[] = ['allowCrossApp']

/**
 * Replaces what an imported registry should not give away, keeping its shape: service and
 * instance property values (keys stay), instance host names, the hosts and user info of
 * endpoints and health-check URLs (schemes, ports, paths and queries stay), and schema contents
 * (ids stay, summaries are recomputed). Ids, names, versions, tags, statuses and timestamps
 * are kept. A value that is an IP address, or a host seen in an endpoint, gets the host's
 * stand-in wherever it appears, so `nodeIP` still equals the endpoint's address.
 * @example
 * const redacted = redactServices(services, { keepProperties: ['weight'] })
 */
export function redactServices(
  entries: readonly SnapshotService[],
  options: { key?: string; keepProperties?: readonly string[] } = {},
): SnapshotService[] {
  const key = options.key ?? DEFAULT_REDACT_KEY
  const kept = new Set([...ALWAYS_KEPT_PROPERTIES, ...(options.keepProperties ?? [])])
  const hosts = createHostStandIns(key)
  const text = (kind: string, value: string) =>
    hosts.isHost(value) ? hosts.standIn(value) : shapedStandIn(key, kind, value)
  const endpoint = (value: string) =>
    replaceEndpointHost(value, hosts.standIn, (info) => shapedStandIn(key, 'user', info))
  const properties = (values: Record<string, string> | undefined) => {
    if (!values) return undefined
    const out: Record<string, string> = {}
    for (const [name, value] of Object.entries(values)) {
      out[name] = kept.has(name) ? value : text('property', value)
    }
    return out
  }
  const instance = (source: MicroServiceInstance): MicroServiceInstance => {
    const out: MicroServiceInstance = { ...source }
    if (source.hostName) out.hostName = text('hostName', source.hostName)
    if (source.endpoints) out.endpoints = source.endpoints.map(endpoint)
    if (source.healthCheck?.url) {
      out.healthCheck = { ...source.healthCheck, url: endpoint(source.healthCheck.url) }
    }
    const props = properties(source.properties)
    if (props) out.properties = props
    return out
  }
  // Every endpoint first, so a property holding a host name gets that host's stand-in.
  for (const entry of entries) {
    for (const source of entry.instances ?? []) source.endpoints?.forEach(endpoint)
  }
  return entries.map((entry) => {
    const out: SnapshotService = { ...entry, service: { ...entry.service } }
    const props = properties(entry.service.properties)
    if (props) out.service.properties = props
    if (entry.schemas) out.schemas = entry.schemas.map((schema) => redactSchema(key, schema))
    if (entry.instances) out.instances = entry.instances.map(instance)
    return out
  })
}
