import type { components } from '../generated/schema.ts'

type InstanceStatus = NonNullable<components['schemas']['MicroServiceInstance']['status']>

const INSTANCE_STATUSES: readonly InstanceStatus[] = [
  'UP',
  'DOWN',
  'STARTING',
  'TESTING',
  'OUTOFSERVICE',
]

const ENVIRONMENTS = ['', 'development', 'testing', 'acceptance', 'production'] as const

/**
 * What `createSeedSnapshot` builds. Every field is optional; `DEFAULT_SEED_OPTIONS` holds the
 * defaults. The same options always give the same snapshot.
 * @example
 * const options: SeedOptions = { seed: 42, apps: 1, servicesPerApp: 4, environment: 'testing' }
 */
export interface SeedOptions {
  /** Seed of the private faker instance, an integer in 0–4294967295. Default `1`. */
  seed?: number
  /** Tenant domain (the `X-Domain-Name`). Default `'default'`. */
  domain?: string
  /** Tenant project (the path segment). Default `'default'`. */
  project?: string
  /** Number of appIds. Default `2`. */
  apps?: number
  /** Service names per appId. Default `3`. */
  servicesPerApp?: number
  /** Versions per service name; each version is a service with its own id. Default `2`. */
  versionsPerService?: number
  /** Instances per service version. Default `2`. */
  instancesPerVersion?: number
  /**
   * `environment` of every service (`''` is SC's default). Default `''`; a mock seeding itself
   * uses its profile's default (`development` in cse).
   */
  environment?: (typeof ENVIRONMENTS)[number]
  /** Relative weight of each instance status; missing statuses never occur. Default mostly `UP`. */
  statuses?: Partial<Record<InstanceStatus, number>>
  /** Tags per service, 0–100 (the tag quota). Default `2`. */
  tags?: number
  /** Properties per instance. Default `2`. */
  properties?: number
  /** Schemas per service, 0–100 (the schema quota). Default `1`. */
  schemas?: number
  /** Record consumer → provider rules between service names of the same app. Default `true`. */
  dependencies?: boolean
  /** Unix seconds all `timestamp`/`modTimestamp` values start from. Default 2026-01-01T00:00:00Z. */
  epochSeconds?: number
}

/**
 * The upper bounds of the seed options: the registry's own quotas (50,000 services and 150,000
 * instances per tenant, 100 tags and schemas per service) and a cap on every record the seed
 * would create, so a typo is refused at once instead of holding the event loop for minutes.
 * @example
 * SEED_LIMITS.records // 1000000
 */
export const SEED_LIMITS = Object.freeze({
  apps: 1_000,
  servicesPerApp: 50_000,
  versionsPerService: 300_000,
  instancesPerVersion: 150_000,
  tags: 100,
  properties: 100,
  schemas: 100,
  /** apps × servicesPerApp × versionsPerService */
  services: 50_000,
  /** services × instancesPerVersion */
  instances: 150_000,
  /** services × (1 + tags + schemas) + instances × (1 + properties) */
  records: 1_000_000,
})

/** `SeedOptions` with every default filled in. */
export type ResolvedSeedOptions = Readonly<Required<SeedOptions>>

/**
 * The defaults `createSeedSnapshot` uses for every option left out.
 * @example
 * const big = createSeedSnapshot({ ...DEFAULT_SEED_OPTIONS, instancesPerVersion: 50 })
 */
export const DEFAULT_SEED_OPTIONS: ResolvedSeedOptions = Object.freeze({
  seed: 1,
  domain: 'default',
  project: 'default',
  apps: 2,
  servicesPerApp: 3,
  versionsPerService: 2,
  instancesPerVersion: 2,
  environment: '',
  statuses: Object.freeze({ UP: 0.8, DOWN: 0.1, STARTING: 0.05, OUTOFSERVICE: 0.05 }),
  tags: 2,
  properties: 2,
  schemas: 1,
  dependencies: true,
  epochSeconds: 1_767_225_600,
})

/**
 * Thrown by `createSeedSnapshot` for options it cannot honour.
 * @example
 * try { createSeedSnapshot({ apps: -1 }) } catch (e) { if (e instanceof InvalidSeedOptionsError) console.log(e.code) }
 */
export class InvalidSeedOptionsError extends Error {
  readonly code = 'INVALID_SEED_OPTIONS'

  constructor(reason: string) {
    super(`Failed to create the seed snapshot: ${reason}. Fix the option or leave it out.`)
    this.name = 'InvalidSeedOptionsError'
  }
}

/**
 * Fills in the defaults and rejects values that would give an invalid registry.
 * @example
 * resolveSeedOptions({ apps: 1 }).servicesPerApp // 3
 */
export function resolveSeedOptions(options: SeedOptions = {}): ResolvedSeedOptions {
  // A misspelt option would otherwise fall back to its default without a word.
  for (const key of Object.keys(options)) {
    if (!Object.hasOwn(DEFAULT_SEED_OPTIONS, key)) {
      throw new InvalidSeedOptionsError(
        `${JSON.stringify(key)} is not a seed option; known options: ${Object.keys(DEFAULT_SEED_OPTIONS).join(', ')}`,
      )
    }
  }
  const resolved = { ...DEFAULT_SEED_OPTIONS, ...options }
  checkInteger('seed', resolved.seed, 0xffff_ffff)
  checkInteger('apps', resolved.apps, SEED_LIMITS.apps)
  checkInteger('servicesPerApp', resolved.servicesPerApp, SEED_LIMITS.servicesPerApp)
  // Versions are built as `<major>.<minor>.<patch>` and every segment must stay ≤ 32767.
  checkInteger('versionsPerService', resolved.versionsPerService, SEED_LIMITS.versionsPerService)
  checkInteger('instancesPerVersion', resolved.instancesPerVersion, SEED_LIMITS.instancesPerVersion)
  checkInteger('tags', resolved.tags, SEED_LIMITS.tags)
  checkInteger('properties', resolved.properties, SEED_LIMITS.properties)
  checkInteger('schemas', resolved.schemas, SEED_LIMITS.schemas)
  checkTotals(resolved)
  // Timestamps stay well inside the range a Go int64 parse and a JS Date both accept.
  checkInteger('epochSeconds', resolved.epochSeconds, 100_000_000_000)
  for (const name of ['domain', 'project'] as const) {
    const value: unknown = resolved[name]
    if (typeof value !== 'string' || value.length === 0 || value.length > 64) {
      throw new InvalidSeedOptionsError(`${name} must be a string of 1–64 characters`)
    }
  }
  if (!ENVIRONMENTS.includes(resolved.environment)) {
    throw new InvalidSeedOptionsError(
      `environment ${JSON.stringify(resolved.environment)} is not one of ${ENVIRONMENTS.map((e) => JSON.stringify(e)).join(', ')}`,
    )
  }
  if (typeof resolved.dependencies !== 'boolean') {
    throw new InvalidSeedOptionsError('dependencies must be true or false')
  }
  checkStatuses(resolved.statuses)
  return Object.freeze(resolved)
}

/**
 * The statuses with a positive weight and their cumulative share, in `INSTANCE_STATUSES` order.
 * @example
 * statusTable({ UP: 3, DOWN: 1 }) // [['UP', 0.75], ['DOWN', 1]]
 */
export function statusTable(weights: SeedOptions['statuses']): [InstanceStatus, number][] {
  const entries = INSTANCE_STATUSES.flatMap((status): [InstanceStatus, number][] => {
    const weight = weights?.[status] ?? 0
    return weight > 0 ? [[status, weight]] : []
  })
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0)
  let cumulative = 0
  return entries.map(([status, weight]) => {
    cumulative += weight
    return [status, cumulative / total]
  })
}

function checkInteger(name: string, value: unknown, max = Number.MAX_SAFE_INTEGER): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw new InvalidSeedOptionsError(
      `${name} is ${JSON.stringify(value)}, expected an integer from 0 to ${max}`,
    )
  }
}

function checkTotals(options: ResolvedSeedOptions): void {
  const services = options.apps * options.servicesPerApp * options.versionsPerService
  const instances = services * options.instancesPerVersion
  const records =
    services * (1 + options.tags + options.schemas) + instances * (1 + options.properties)
  const over = (what: string, count: number, limit: number) =>
    new InvalidSeedOptionsError(
      `the options make ${count} ${what}, over the limit of ${limit}; lower apps, servicesPerApp, versionsPerService or instancesPerVersion`,
    )
  if (services > SEED_LIMITS.services) throw over('services', services, SEED_LIMITS.services)
  if (instances > SEED_LIMITS.instances) throw over('instances', instances, SEED_LIMITS.instances)
  if (records > SEED_LIMITS.records) {
    throw over(
      'records (services, instances and their tags, schemas and properties)',
      records,
      SEED_LIMITS.records,
    )
  }
}

function checkStatuses(weights: unknown): void {
  if (typeof weights !== 'object' || weights === null) {
    throw new InvalidSeedOptionsError('statuses must be an object of weights')
  }
  let total = 0
  for (const [status, weight] of Object.entries(weights)) {
    if (!INSTANCE_STATUSES.includes(status as InstanceStatus)) {
      throw new InvalidSeedOptionsError(
        `statuses has the unknown status ${JSON.stringify(status)}; use ${INSTANCE_STATUSES.join(', ')}`,
      )
    }
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      throw new InvalidSeedOptionsError(`statuses.${status} must be a finite number ≥ 0`)
    }
    total += weight
  }
  if (total <= 0) {
    throw new InvalidSeedOptionsError('statuses must give at least one status a positive weight')
  }
}
