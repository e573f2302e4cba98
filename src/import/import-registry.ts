import type { RegistryClient } from '../contract/client/create-registry-client.ts'
import type { components } from '../generated/schema.ts'
import {
  SNAPSHOT_FORMAT,
  type Snapshot,
  type SnapshotDependency,
  type SnapshotService,
} from '../registry/snapshot.ts'
import type { ImportOptions, ImportResult, ImportSummary } from './options.ts'
import { readAnswer } from './read-answer.ts'
import { createReadOnlyClient } from './read-only-client.ts'
import { readService, type ServiceRead } from './read-service.ts'
import { redactServices } from './redact.ts'

type MicroService = components['schemas']['MicroService']

/**
 * Service Center's own entry in the registry; another part of the mock stands in for it.
 * @example
 * isServiceCenter({ appId: 'default', serviceName: 'SERVICECENTER' }) // true
 */
export function isServiceCenter(service: MicroService): boolean {
  return service.serviceName === 'SERVICECENTER' && (service.appId ?? 'default') === 'default'
}

/**
 * Reads a live registry's tenant (the client's project and domain) into a snapshot in the fixture
 * format: services with their versions and properties, tags, schemas, instances and dependency
 * rules, Service Center's own service left out. Only GET requests are sent, through a read-only
 * view of the client (anything else throws before it is sent); the client's rate bound and
 * timeout apply. Unless `redact` is false, property values, hosts and schema contents are
 * replaced with deterministic stand-ins. The same registry always gives a deep-equal snapshot.
 * Throws `ImportError` when the registry cannot be reached, refuses a read or answers oddly.
 * @example
 * const client = createRegistryClient({ baseUrl: 'https://cse.example.com', token, maxRequestsPerSecond: 20 })
 * const { snapshot, summary } = await importRegistry(client, { apps: ['shop'] })
 * await saveSnapshotFile('shop.json', snapshot)
 */
export async function importRegistry(
  client: RegistryClient,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const reader = createReadOnlyClient(client)
  const progress = (phase: 'list' | 'read' | 'done', done: number, total: number) =>
    options.onProgress?.({ phase, done, total, requests: reader.requests })
  const project = reader.project
  const listed = await readAnswer(`GET /v4/${project}/registry/microservices`, () =>
    reader.GET('/v4/{project}/registry/microservices', { params: { path: { project } } }),
  )
  const all = listed?.services ?? []
  const apps = options.apps?.length ? new Set(options.apps) : undefined
  const chosen = all
    .filter((service) => !isServiceCenter(service))
    .filter((service) => !apps || apps.has(service.appId ?? 'default'))
    .sort((a, b) => compare(a.serviceId ?? '', b.serviceId ?? ''))
  progress('list', 0, chosen.length)
  const reads = await readAll(
    chosen,
    options.concurrency ?? 4,
    (service) => readService(reader, service),
    (done) => progress('read', done, chosen.length),
  )
  const found = reads.filter((read): read is ServiceRead => read !== undefined)
  const present = new Set(found.map((read) => read.entry.service.serviceId))
  const dependencies = found
    .map((read) => read.dependency)
    .filter((rule): rule is SnapshotDependency => rule !== undefined)
  const raw = found.map((read) => read.entry)
  const redact = options.redact ?? true
  const services = redact
    ? redactServices(raw, {
        ...(options.redactKey !== undefined ? { key: options.redactKey } : {}),
        ...(options.keepProperties ? { keepProperties: options.keepProperties } : {}),
      })
    : raw
  const summary: ImportSummary = {
    ...count(services, dependencies),
    skipped: all.length - chosen.length,
    vanished: chosen.length - present.size,
    requests: reader.requests,
    redacted: redact,
  }
  const snapshot: Snapshot = {
    format: SNAPSHOT_FORMAT,
    description: options.description ?? describe(reader.domain, project, summary, options),
    tenants: [{ domain: reader.domain, project, services, dependencies }],
  }
  progress('done', found.length, chosen.length)
  return { snapshot, summary }
}

/**
 * Runs `read` over `items` with at most `limit` at a time; results keep the items' order. The
 * first failure stops the others from starting another read.
 */
async function readAll<T, R>(
  items: readonly T[],
  limit: number,
  read: (item: T) => Promise<R>,
  onDone: (done: number) => void,
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  let done = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      try {
        results[index] = await read(items[index]!)
      } catch (error) {
        next = items.length
        throw error
      }
      onDone(++done)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  return results
}

function count(services: readonly SnapshotService[], dependencies: readonly SnapshotDependency[]) {
  let instances = 0
  let schemas = 0
  let tags = 0
  for (const entry of services) {
    instances += entry.instances?.length ?? 0
    schemas += entry.schemas?.length ?? 0
    tags += Object.keys(entry.tags ?? {}).length
  }
  const rules = dependencies.reduce((sum, rule) => sum + rule.providers.length, 0)
  return { services: services.length, instances, schemas, tags, dependencies: rules }
}

function describe(
  domain: string,
  project: string,
  summary: ImportSummary,
  options: ImportOptions,
): string {
  const apps = options.apps?.length ? `, apps ${[...options.apps].sort().join(', ')}` : ''
  const redacted = summary.redacted ? '; property values, hosts and schemas redacted' : ''
  return `Imported registry (tenant ${domain}/${project}${apps}): ${summary.services} services, ${summary.instances} instances${redacted}`
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
