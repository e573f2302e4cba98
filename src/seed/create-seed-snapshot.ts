import { en, Faker } from '@faker-js/faker'
import type { components } from '../generated/schema.ts'
import { serviceIdFor } from '../registry/ids.ts'
import {
  SNAPSHOT_FORMAT,
  type Snapshot,
  type SnapshotDependency,
  type SnapshotService,
} from '../registry/snapshot.ts'
import { appName } from './names.ts'
import { type ResolvedSeedOptions, resolveSeedOptions, type SeedOptions } from './options.ts'
import { createSeedRandom, digestHex, type SeedRandom } from './random.ts'
import { schemaText } from './schema-text.ts'
import { createInstanceFactory, type InstanceFactory } from './seed-instances.ts'
import { createServiceProfile, type ServiceProfile, versionOf } from './service-profile.ts'

type MicroService = components['schemas']['MicroService']
type MicroServiceKey = components['schemas']['MicroServiceKey']

const WEEK = 7 * 24 * 3600

/**
 * Builds a whole registry as a `Snapshot` from a seed: the same options always give a
 * deep-equal snapshot, another `seed` gives another one. Uses a private faker instance and never
 * the wall clock, so it runs the same in Node and the browser.
 * @example
 * const snapshot = createSeedSnapshot({ seed: 7, apps: 1, servicesPerApp: 3 })
 * snapshot.tenants[0]?.services.length // 6 (3 names × 2 versions)
 */
export function createSeedSnapshot(options: SeedOptions = {}): Snapshot {
  const resolved = resolveSeedOptions(options)
  const faker = new Faker({ locale: [en] })
  faker.seed(resolved.seed)
  const random = createSeedRandom(faker)
  const instances = createInstanceFactory(random, resolved)
  const appIds = new Set<string>()
  const services: SnapshotService[] = []
  const dependencies: SnapshotDependency[] = []

  for (let a = 0; a < resolved.apps; a++) {
    const appId = appName(faker, appIds)
    const names = new Set<string>()
    const releases: { profile: ServiceProfile; serviceIds: string[] }[] = []
    for (let s = 0; s < resolved.servicesPerApp; s++) {
      const profile = createServiceProfile(faker, appId, names, s, resolved)
      const ids: string[] = []
      for (let v = 0; v < resolved.versionsPerService; v++) {
        const service = seedService(random, instances, resolved, { appId, profile, v })
        ids.push(service.service.serviceId ?? '')
        services.push(service)
      }
      releases.push({ profile, serviceIds: ids })
    }
    if (resolved.dependencies) {
      dependencies.push(...seedDependencies(faker, resolved, appId, releases))
    }
  }

  const { seed, apps, servicesPerApp, versionsPerService, instancesPerVersion } = resolved
  return {
    format: SNAPSHOT_FORMAT,
    description: `Seeded registry (seed ${seed}): ${apps} apps × ${servicesPerApp} services × ${versionsPerService} versions × ${instancesPerVersion} instances`,
    tenants: [{ domain: resolved.domain, project: resolved.project, services, dependencies }],
  }
}

function seedService(
  random: SeedRandom,
  instances: InstanceFactory,
  options: ResolvedSeedOptions,
  release: { appId: string; profile: ServiceProfile; v: number },
): SnapshotService {
  const { appId, profile, v } = release
  const version = versionOf(profile.major, v, random.below(4))
  // The id the registry derives from the identity key, so deleting a seeded service and
  // creating it again gives it back its id, as in Service Center.
  const serviceId = serviceIdFor({
    domain: options.domain,
    project: options.project,
    environment: options.environment,
    appId,
    serviceName: profile.serviceName,
    version,
  })
  // One release a week from the base date, at some hour of its day.
  const registeredAt = options.epochSeconds + v * WEEK + random.below(24 * 3600)
  const schemas = profile.contracts.map(({ schemaId, resource }) => {
    const schema = schemaText({
      title: schemaId,
      version,
      basePath: `/${profile.serviceName}`,
      resource,
    })
    return { schemaId, summary: digestHex(schema), schema }
  })
  const service: MicroService = {
    serviceId,
    ...(options.environment ? { environment: options.environment } : {}),
    appId,
    serviceName: profile.serviceName,
    version,
    description: profile.description,
    level: profile.level,
    ...(schemas.length > 0 ? { schemas: schemas.map((schema) => schema.schemaId) } : {}),
    status: 'UP',
    registerBy: 'SDK',
    framework: { ...profile.framework },
    timestamp: String(registeredAt),
    modTimestamp: String(registeredAt),
  }
  const owner = {
    serviceId,
    serviceName: profile.serviceName,
    version,
    registeredAt,
    restPort: profile.restPort,
    highwayPort: profile.highwayPort,
  }
  const seeded = Array.from({ length: options.instancesPerVersion }, () => instances.create(owner))
  return {
    service,
    ...(Object.keys(profile.tags).length > 0 ? { tags: { ...profile.tags } } : {}),
    ...(schemas.length > 0 ? { schemas } : {}),
    ...(seeded.length > 0 ? { instances: seeded } : {}),
  }
}

/**
 * Each name depends on up to two names after it in its app (the FRONT one on at least one), so
 * the graph has no cycles; every version of a consumer carries the rule, with the provider side
 * as all versions (`0.0.0+`) the way discovery records it in SC 2.1+.
 */
function seedDependencies(
  faker: Faker,
  options: ResolvedSeedOptions,
  appId: string,
  releases: { profile: ServiceProfile; serviceIds: string[] }[],
): SnapshotDependency[] {
  const dependencies: SnapshotDependency[] = []
  releases.forEach((consumer, index) => {
    const later = releases.slice(index + 1)
    const most = Math.min(2, later.length)
    const count =
      index === 0 ? faker.number.int({ min: Math.min(1, most), max: most }) : faker.number.int(most)
    if (count === 0) return
    const providers = faker.helpers
      .arrayElements(later, count)
      .sort((x, y) => releases.indexOf(x) - releases.indexOf(y))
    for (const consumerId of consumer.serviceIds) {
      dependencies.push({
        consumerId,
        providers: providers.map(
          ({ profile }): MicroServiceKey => ({
            ...(options.environment ? { environment: options.environment } : {}),
            appId,
            serviceName: profile.serviceName,
            version: '0.0.0+',
          }),
        ),
      })
    }
  })
  return dependencies
}
