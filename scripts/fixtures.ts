// Regenerates fixtures/<preset>.json from SEED_PRESETS. Deterministic: a second run changes no byte.

import { saveSnapshotFile } from '../src/seed/fixtures-node.ts'
import {
  createSeedSnapshot,
  describeSnapshot,
  SEED_PRESETS,
  type SeedPresetName,
} from '../src/seed/index.ts'

for (const name of Object.keys(SEED_PRESETS) as SeedPresetName[]) {
  const snapshot = createSeedSnapshot(SEED_PRESETS[name])
  await saveSnapshotFile(new URL(`../fixtures/${name}.json`, import.meta.url), snapshot)
  console.log(`fixtures/${name}.json`, JSON.stringify(describeSnapshot(snapshot)))
}
