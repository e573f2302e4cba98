export { createSeedSnapshot } from './create-seed-snapshot.ts'
export { describeSnapshot, type SnapshotCounts } from './describe-snapshot.ts'
export { InvalidSnapshotError, parseSnapshot, serializeSnapshot } from './fixtures.ts'
export {
  DEFAULT_SEED_OPTIONS,
  InvalidSeedOptionsError,
  type ResolvedSeedOptions,
  type SeedOptions,
} from './options.ts'
export { SEED_PRESETS, type SeedPresetName } from './presets.ts'
