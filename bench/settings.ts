/** How long and how often each part measures; `--quick` trades precision for a short CI run. */
export interface BenchSettings {
  quick: boolean
  http: {
    connections: number
    durationSeconds: number
    warmupSeconds: number
  }
  /** Sequential loops: each round stops at `maxOps` operations or `roundMs`, whichever first. */
  loop: {
    rounds: number
    roundMs: number
    maxOps: number
  }
  scale: {
    sizes: readonly number[]
    /** Registrations per size over all rounds, spread over the services; they stay. */
    registrations: number
    /** Times each size is seeded; the median time is reported. */
    seedRepeats: number
  }
}

const FULL: BenchSettings = {
  quick: false,
  http: { connections: 10, durationSeconds: 10, warmupSeconds: 2 },
  loop: { rounds: 7, roundMs: 400, maxOps: 1_000_000 },
  scale: { sizes: [100, 10_000, 100_000], registrations: 2_000, seedRepeats: 3 },
}

const QUICK: BenchSettings = {
  quick: true,
  http: { connections: 10, durationSeconds: 2, warmupSeconds: 0.5 },
  loop: { rounds: 3, roundMs: 150, maxOps: 300_000 },
  scale: { sizes: [100, 10_000, 100_000], registrations: 300, seedRepeats: 1 },
}

/** The settings for a command line (`--quick` or nothing). */
export function settingsFrom(argv: readonly string[]): BenchSettings {
  for (const arg of argv) {
    if (arg !== '--quick') {
      throw new Error(
        `Failed to start the benchmark: unknown argument ${arg}. Use --quick or nothing.`,
      )
    }
  }
  return argv.includes('--quick') ? QUICK : FULL
}
