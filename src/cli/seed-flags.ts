import { DEFAULT_SEED_OPTIONS, type SeedOptions } from '../seed/options.ts'
import { CliUsageError } from './usage-error.ts'

/**
 * Maps `--seed`, `--services` and `--instances` to seed options: exactly `services` services
 * (one version each, spread over a few apps) and `ceil(instances / services)` instances per
 * service, so the registry holds `instances` instances, rounded up to a multiple of the service
 * count. Nothing given → `undefined`, an empty registry.
 * @example
 * seedOptionsFromFlags({ services: 12, instances: 24 }) // { seed: 1, apps: 3, servicesPerApp: 4, versionsPerService: 1, instancesPerVersion: 2 }
 */
export function seedOptionsFromFlags(flags: {
  seed?: number | undefined
  services?: number | undefined
  instances?: number | undefined
}): SeedOptions | undefined {
  const { seed, services, instances } = flags
  if (seed === undefined && services === undefined && instances === undefined) return undefined
  const options: SeedOptions = { seed: seed ?? DEFAULT_SEED_OPTIONS.seed }
  if (services !== undefined) {
    const apps = appsFor(services)
    options.apps = apps
    options.servicesPerApp = apps === 0 ? 0 : services / apps
    options.versionsPerService = 1
  }
  if (instances !== undefined) {
    const total = services ?? defaultServiceCount()
    if (total === 0 && instances > 0) {
      throw new CliUsageError('--instances needs at least one service; raise --services above 0')
    }
    options.instancesPerVersion = total === 0 ? 0 : Math.ceil(instances / total)
  }
  return options
}

/** The largest divisor of `services` not above its square root, so apps × names is exact. */
function appsFor(services: number): number {
  if (services === 0) return 0
  let apps = 1
  for (let candidate = 2; candidate * candidate <= services; candidate += 1) {
    if (services % candidate === 0) apps = candidate
  }
  return apps
}

function defaultServiceCount(): number {
  const { apps, servicesPerApp, versionsPerService } = DEFAULT_SEED_OPTIONS
  return apps * servicesPerApp * versionsPerService
}
