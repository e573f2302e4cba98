import type { SeedOptions } from './options.ts'

/**
 * The options behind the checked-in fixtures: `small` (a registry for unit tests, 16 instances)
 * and `large` (1,000 instances). `fixtures/<name>.json` is `createSeedSnapshot(SEED_PRESETS[name])`.
 * @example
 * const snapshot = createSeedSnapshot(SEED_PRESETS.small)
 */
export const SEED_PRESETS = Object.freeze({
  small: Object.freeze({
    seed: 21,
    apps: 2,
    servicesPerApp: 2,
    versionsPerService: 2,
    instancesPerVersion: 2,
    tags: 2,
    properties: 2,
    schemas: 2,
    dependencies: true,
  }),
  large: Object.freeze({
    seed: 1000,
    apps: 5,
    servicesPerApp: 10,
    versionsPerService: 4,
    instancesPerVersion: 5,
    tags: 3,
    properties: 3,
    schemas: 1,
    dependencies: true,
  }),
} satisfies Record<string, SeedOptions>)

/**
 * The name of a checked-in fixture.
 * @example
 * const name: SeedPresetName = 'small'
 */
export type SeedPresetName = keyof typeof SEED_PRESETS
