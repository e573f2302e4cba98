import { SNAPSHOT_FORMAT, type Snapshot } from '../registry/snapshot.ts'

/**
 * Thrown when a value is not a snapshot this version can load.
 * @example
 * try { parseSnapshot({}) } catch (e) { if (e instanceof InvalidSnapshotError) console.log(e.code) }
 */
export class InvalidSnapshotError extends Error {
  readonly code = 'INVALID_SNAPSHOT'
  /** What is wrong, without the surrounding advice. */
  readonly reason: string

  constructor(reason: string, options?: ErrorOptions) {
    super(
      `Failed to load the snapshot: ${reason}. Pass a snapshot made by snapshot(), createSeedSnapshot() or saveSnapshotFile().`,
      options,
    )
    this.name = 'InvalidSnapshotError'
    this.reason = reason
  }
}

/**
 * Checks that parsed JSON is a `cse-mock/snapshot@1` snapshot with the expected structure
 * (tenants, services, instances, tags, schemas, dependencies and their ids) and returns it typed.
 * Field values beyond that are the registry's to validate when it restores the snapshot.
 * `source` (a file name, say) is named in the error message.
 * @example
 * const snapshot = parseSnapshot(JSON.parse(text), 'fixtures/small.json')
 */
export function parseSnapshot(json: unknown, source?: string): Snapshot {
  try {
    checkSnapshot(json)
  } catch (error) {
    if (source === undefined || !(error instanceof InvalidSnapshotError)) throw error
    throw new InvalidSnapshotError(`${error.reason} in ${source}`)
  }
  return json as Snapshot
}

function checkSnapshot(json: unknown): void {
  const root = record(json, 'the snapshot')
  if (root.format !== SNAPSHOT_FORMAT) {
    throw new InvalidSnapshotError(
      `format is ${JSON.stringify(root.format)}, expected ${JSON.stringify(SNAPSHOT_FORMAT)}`,
    )
  }
  if (root.description !== undefined) text(root.description, 'description', true)
  list(root.tenants, 'tenants').forEach((value, t) => {
    const at = `tenants[${t}]`
    const tenant = record(value, at)
    text(tenant.domain, `${at}.domain`)
    text(tenant.project, `${at}.project`)
    list(tenant.services, `${at}.services`).forEach((value, s) => {
      checkService(value, `${at}.services[${s}]`)
    })
    list(tenant.dependencies, `${at}.dependencies`).forEach((value, d) => {
      const path = `${at}.dependencies[${d}]`
      const dependency = record(value, path)
      text(dependency.consumerId, `${path}.consumerId`)
      list(dependency.providers, `${path}.providers`).forEach((value, p) => {
        text(
          record(value, `${path}.providers[${p}]`).serviceName,
          `${path}.providers[${p}].serviceName`,
        )
      })
    })
  })
}

/**
 * The snapshot as pretty-printed JSON with object keys sorted and a trailing newline, so the
 * same registry always gives the same bytes (and small diffs when it changes).
 * @example
 * const text = serializeSnapshot(createSeedSnapshot())
 */
export function serializeSnapshot(snapshot: Snapshot): string {
  return `${JSON.stringify(snapshot, sortedKeys, 2)}\n`
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
  const sorted: Record<string, unknown> = {}
  for (const key of Object.keys(value).sort()) sorted[key] = (value as Record<string, unknown>)[key]
  return sorted
}

function checkService(value: unknown, at: string): void {
  const entry = record(value, at)
  const service = record(entry.service, `${at}.service`)
  text(service.serviceId, `${at}.service.serviceId`)
  text(service.serviceName, `${at}.service.serviceName`)
  if (entry.tags !== undefined) {
    for (const [key, tag] of Object.entries(record(entry.tags, `${at}.tags`))) {
      text(tag, `${at}.tags.${key}`, true)
    }
  }
  if (entry.schemas !== undefined) {
    list(entry.schemas, `${at}.schemas`).forEach((value, i) => {
      text(record(value, `${at}.schemas[${i}]`).schemaId, `${at}.schemas[${i}].schemaId`)
    })
  }
  if (entry.instances !== undefined) {
    list(entry.instances, `${at}.instances`).forEach((value, i) => {
      const instance = record(value, `${at}.instances[${i}]`)
      text(instance.instanceId, `${at}.instances[${i}].instanceId`)
      text(instance.hostName, `${at}.instances[${i}].hostName`)
    })
  }
}

function record(value: unknown, at: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidSnapshotError(`${at} must be an object, got ${kind(value)}`)
  }
  return value as Record<string, unknown>
}

function list(value: unknown, at: string): unknown[] {
  if (!Array.isArray(value))
    throw new InvalidSnapshotError(`${at} must be an array, got ${kind(value)}`)
  return value
}

function text(value: unknown, at: string, emptyAllowed = false): void {
  if (typeof value !== 'string' || (!emptyAllowed && value.length === 0)) {
    throw new InvalidSnapshotError(
      `${at} must be a ${emptyAllowed ? '' : 'non-empty '}string, got ${kind(value)}`,
    )
  }
}

function kind(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return value === '' ? 'an empty string' : 'a string'
  if (value === undefined) return 'nothing'
  return `${typeof value === 'object' ? 'an' : 'a'} ${typeof value}`
}
