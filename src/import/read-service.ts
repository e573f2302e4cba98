import type { components } from '../generated/schema.ts'
import type { SnapshotDependency, SnapshotService } from '../registry/snapshot.ts'
import { providerRules } from './provider-rules.ts'
import { readAnswer } from './read-answer.ts'
import type { RegistryReader } from './read-only-client.ts'

type MicroService = components['schemas']['MicroService']

/**
 * Everything that hangs off one service, as the snapshot holds it.
 * @example
 * const read: ServiceRead = { entry: { service }, dependency: undefined }
 */
export interface ServiceRead {
  entry: SnapshotService
  dependency: SnapshotDependency | undefined
}

/**
 * Reads a listed service's tags, schemas (with contents), instances and providers, four GETs;
 * `undefined` when the service was deleted meanwhile. Instances and schemas are sorted by id so
 * the same registry always gives the same snapshot.
 * @example
 * const read = await readService(reader, service)
 */
export async function readService(
  reader: RegistryReader,
  service: MicroService,
): Promise<ServiceRead | undefined> {
  const serviceId = service.serviceId ?? ''
  const project = reader.project
  const path = { project, serviceId }
  const at = `/v4/${project}/registry/microservices/${serviceId}`
  const gone = { gone: true }
  const tags = await readAnswer(
    `GET ${at}/tags`,
    () => reader.GET('/v4/{project}/registry/microservices/{serviceId}/tags', { params: { path } }),
    gone,
  )
  if (!tags) return undefined
  const schemas = await readAnswer(
    `GET ${at}/schemas`,
    () =>
      reader.GET('/v4/{project}/registry/microservices/{serviceId}/schemas', {
        params: { path, query: { withSchema: '1' } },
      }),
    gone,
  )
  if (!schemas) return undefined
  const instances = await readAnswer(
    `GET ${at}/instances`,
    () =>
      reader.GET('/v4/{project}/registry/microservices/{serviceId}/instances', {
        params: { path },
      }),
    gone,
  )
  if (!instances) return undefined
  const providers = await readAnswer(
    `GET ${at}/providers`,
    () =>
      reader.GET('/v4/{project}/registry/microservices/{consumerId}/providers', {
        params: { path: { project, consumerId: serviceId } },
      }),
    gone,
  )
  if (!providers) return undefined
  const entry: SnapshotService = { service }
  if (tags.tags && Object.keys(tags.tags).length) entry.tags = { ...tags.tags }
  if (schemas.schemas?.length) entry.schemas = byKey(schemas.schemas, (s) => s.schemaId)
  if (instances.instances?.length) {
    entry.instances = byKey(instances.instances, (i) => i.instanceId ?? '')
  }
  const rules = providerRules(providers.providers ?? [])
  return {
    entry,
    dependency: rules.length ? { consumerId: serviceId, providers: rules } : undefined,
  }
}

function byKey<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
}
