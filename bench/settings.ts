import type { Profile } from '../src/registry/index.ts'

/** How long and how often each part measures; `--quick` trades precision for a short CI run. */
export interface BenchSettings {
  quick: boolean
  http: {
    threads: number
    connections: number
    durationSeconds: number
    warmupSeconds: number
    /** Interleaved rounds; each figure is the median over them. */
    rounds: number
    /** The profiles `cse-mock serve` runs in, each as a target of its own. */
    profiles: readonly Profile[]
    /** Another registry to measure side by side (`--against URL`). */
    against?: string
    /** Its processes (`--against-pid 1,2`: Service Center and etcd), for CPU and memory. */
    againstPids: readonly number[]
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
  /** Which parts run: `--http-only` skips the in-process and scale parts. */
  parts: { inProcess: boolean; scale: boolean }
}

const FULL: BenchSettings = {
  quick: false,
  http: {
    threads: 1,
    connections: 10,
    durationSeconds: 10,
    warmupSeconds: 2,
    rounds: 3,
    profiles: ['cse', 'servicecomb'],
    againstPids: [],
  },
  loop: { rounds: 7, roundMs: 400, maxOps: 1_000_000 },
  scale: { sizes: [100, 10_000, 100_000], registrations: 2_000, seedRepeats: 3 },
  parts: { inProcess: true, scale: true },
}

const QUICK: BenchSettings = {
  ...FULL,
  quick: true,
  http: { ...FULL.http, durationSeconds: 2, warmupSeconds: 1, rounds: 1 },
  loop: { rounds: 3, roundMs: 150, maxOps: 300_000 },
  scale: { sizes: [100, 10_000, 100_000], registrations: 300, seedRepeats: 1 },
}

const USAGE =
  'Use --quick, --http-only, --profile cse|servicecomb, --against URL and --against-pid PID[,PID].'

/**
 * The settings for a command line: `--quick`, `--http-only`, `--profile P` (default both),
 * `--against URL`, `--against-pid PID[,PID…]`.
 * @example
 * settingsFrom(['--quick', '--against', 'http://127.0.0.1:30100'])
 */
export function settingsFrom(argv: readonly string[]): BenchSettings {
  const base = argv.includes('--quick') ? QUICK : FULL
  const settings: BenchSettings = {
    ...base,
    http: { ...base.http },
    parts: { ...base.parts },
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const value = () => {
      const next = argv[++i]
      if (next === undefined) fail(`${arg} needs a value`)
      return next
    }
    if (arg === '--quick') continue
    if (arg === '--http-only') settings.parts = { inProcess: false, scale: false }
    else if (arg === '--profile') {
      const profile = value()
      if (profile !== 'cse' && profile !== 'servicecomb') fail(`unknown profile ${profile}`)
      settings.http.profiles = [profile]
    } else if (arg === '--against') settings.http.against = originOf(value())
    else if (arg === '--against-pid') {
      settings.http.againstPids = value()
        .split(',')
        .map((pid) => {
          if (!/^\d+$/.test(pid)) fail(`--against-pid ${pid} is not a process id`)
          return Number(pid)
        })
    } else fail(`unknown argument ${arg}`)
  }
  return settings
}

/**
 * The options a part run in a child process needs back from its command line (`--quick`).
 * @example
 * childArgs(settings) // ['--quick']
 */
export function childArgs(settings: BenchSettings): string[] {
  return settings.quick ? ['--quick'] : []
}

function originOf(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    fail(`--against ${url} is not a URL`)
  }
  if (parsed.protocol !== 'http:') fail(`--against ${url}: only http:// is supported`)
  return parsed.origin
}

function fail(reason: string): never {
  throw new Error(`Failed to start the benchmark: ${reason}. ${USAGE}`)
}
