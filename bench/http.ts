import { fileURLToPath } from 'node:url'
import type { Profile } from '../src/registry/index.ts'
import { type ChildServer, startChildServer } from './child-server.ts'
import { measureStartup, type StartupFigures, serveArgs, waitForHealth } from './footprint.ts'
import { median } from './loop.ts'
import { cpuSeconds, rssBytes, sumOver } from './proc.ts'
import {
  checkScenario,
  registerBenchData,
  removeBenchData,
  renewGrowingService,
} from './register-data.ts'
import {
  type BenchRequest,
  GROWING_TEMPLATE,
  requestOf,
  SCENARIOS,
  type Scenario,
  type ScenarioId,
} from './scenarios.ts'
import type { BenchSettings } from './settings.ts'
import { type LoadResult, runWrk } from './wrk.ts'

/** One server the HTTP part drives. */
export interface HttpTarget {
  /** `bare`, `cse`, `servicecomb` (the mock in that profile) or `against`. */
  key: string
  label: string
  origin: string
  /** Its processes, for CPU time and memory; empty when unknown. */
  pids: readonly number[]
  /** False for the bare server, which answers every request with the same constant body. */
  registry: boolean
}

/** One target's figures for one scenario: medians over the rounds. */
export interface TargetFigures {
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  /** CPU time of the target's processes per request, µs; `undefined` without its pids. */
  cpuMicros: number | undefined
  /** Summed over the rounds. */
  errors: number
  non2xx: number
  rounds: LoadResult[]
}

/** One scenario over HTTP, every target side by side. */
export interface HttpRow extends Scenario {
  figures: Record<string, TargetFigures>
  /** Per target: the median over rounds of its req/s over the bare server's in the same round. */
  ofBare: Record<string, number>
  /** Per mock target: the median over rounds of its req/s over the `--against` registry's. */
  ofAgainst: Record<string, number>
}

/** Memory of a registry target with the benchmark data, before and after the load. */
export interface TargetMemory {
  key: string
  /** After registering the 1,103 instances of the benchmark data over HTTP. */
  rssWithDataBytes: number | undefined
  /** After every round (growing registrations deleted again). */
  rssAfterRunBytes: number | undefined
}

/** The HTTP part: the six scenarios against every target, interleaved, plus footprints. */
export interface HttpPart {
  threads: number
  connections: number
  durationSeconds: number
  warmupSeconds: number
  rounds: number
  targets: Omit<HttpTarget, 'pids'>[]
  rows: HttpRow[]
  memory: TargetMemory[]
  /** RSS of the `--against` processes before its benchmark data was registered. */
  againstRssBeforeDataBytes: number | undefined
  startup: StartupFigures[]
}

const BARE = fileURLToPath(new URL('./bare-server.ts', import.meta.url))

/**
 * The rounds of these run first, then the rounds of growing registration: it is the only
 * scenario that grows the registry, and a registry that slows down as it grows (Service
 * Center's etcd keeps every revision) would otherwise be measured slowed in every later round.
 */
const RUN_ORDER: readonly ScenarioId[] = [
  'findOne',
  'find100',
  'find1000',
  'heartbeat',
  'registerSame',
]
const LAST: readonly ScenarioId[] = ['registerGrowing']

/**
 * How long a growing registration is measured at most: the registry's quota is 150,000
 * instances per tenant, and ten seconds at the mock's rate (over 17,000 a second) pass it, after
 * which every answer is the quota's 400.
 */
const GROWING_MAX_SECONDS = 5

/**
 * Measures start-up and memory of `cse-mock serve`, then starts the bare server and one mock per
 * profile, registers the same data over HTTP in every registry (the mock and `--against`), checks
 * each scenario answers as expected, and runs every scenario on every target in interleaved
 * rounds (targets rotate within a round), so load from elsewhere hits all sides alike.
 */
export async function runHttpPart(
  settings: BenchSettings,
  log: (line: string) => void,
): Promise<HttpPart> {
  const { profiles, against, againstPids, rounds } = settings.http
  const startup: StartupFigures[] = []
  for (const profile of profiles) {
    startup.push(await measureStartup(profile, settings.quick ? 1 : 3))
    const figures = startup.at(-1)!
    log(
      `  start-up ${profile}: first 200 after ${Math.round(figures.firstHealthMs)} ms, ${mb(figures.rssEmptyBytes)} RSS`,
    )
  }
  const servers: ChildServer[] = []
  try {
    const bare = await startChildServer([BARE], 'the bare node:http server')
    servers.push(bare)
    const targets: HttpTarget[] = [
      {
        key: 'bare',
        label: 'bare node:http',
        origin: bare.origin,
        pids: [bare.pid],
        registry: false,
      },
    ]
    for (const profile of profiles) targets.push(await startMock(profile, servers))
    const againstRssBeforeDataBytes = sumOver(againstPids, rssBytes)
    if (against) {
      await waitForHealth(against)
      targets.push({
        key: 'against',
        label: against,
        origin: against,
        pids: againstPids,
        registry: true,
      })
    }
    const registries = targets.filter((target) => target.registry)
    for (const target of registries) {
      await registerBenchData(target.origin)
      for (const id of [...RUN_ORDER, ...LAST]) await checkScenario(target.origin, id)
    }
    const memory: TargetMemory[] = registries.map((target) => ({
      key: target.key,
      rssWithDataBytes: sumOver(target.pids, rssBytes),
      rssAfterRunBytes: undefined,
    }))

    const results = new Map<string, LoadResult[]>()
    const cpu = new Map<string, number[]>()
    const phases = [RUN_ORDER, LAST]
    for (const phase of phases) {
      for (let round = 0; round < rounds; round++) {
        for (const id of phase) {
          const order = targets.map((_, i) => targets[(i + round) % targets.length]!)
          for (const target of order) {
            const key = `${id}:${target.key}`
            const { result, cpuMicros } = await measure(target, id, settings)
            results.set(key, [...(results.get(key) ?? []), result])
            if (cpuMicros !== undefined) cpu.set(key, [...(cpu.get(key) ?? []), cpuMicros])
            log(
              `  round ${round + 1}/${rounds} ${id} ${target.key}: ${Math.round(result.requestsPerSecond)} req/s, p99 ${result.p99Ms.toFixed(2)} ms${cpuMicros === undefined ? '' : `, ${cpuMicros.toFixed(0)} µs CPU/req`}${result.errors + result.non2xx > 0 ? `, ${result.errors} errors, ${result.non2xx} non-2xx` : ''}`,
            )
          }
        }
      }
    }
    for (const target of registries) {
      if (target.key === 'against') await removeBenchData(target.origin)
      else await renewGrowingService(target.origin)
    }
    for (const entry of memory) {
      const target = targets.find((candidate) => candidate.key === entry.key)!
      entry.rssAfterRunBytes = sumOver(target.pids, rssBytes)
    }
    return {
      ...settings.http,
      rounds,
      targets: targets.map(({ key, label, origin, registry }) => ({
        key,
        label,
        origin,
        registry,
      })),
      rows: SCENARIOS.map((scenario) => rowOf(scenario, targets, results, cpu)),
      memory,
      againstRssBeforeDataBytes,
      startup,
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()))
  }
}

async function startMock(profile: Profile, servers: ChildServer[]): Promise<HttpTarget> {
  const server = await startChildServer(serveArgs(profile), `cse-mock serve --profile ${profile}`)
  servers.push(server)
  return {
    key: profile,
    label: `cse-mock (${profile})`,
    origin: server.origin,
    pids: [server.pid],
    registry: true,
  }
}

/** One warm-up and one measured wrk run, with the CPU time the target used meanwhile. */
async function measure(target: HttpTarget, id: ScenarioId, settings: BenchSettings) {
  const { threads, connections, durationSeconds, warmupSeconds } = settings.http
  const request: BenchRequest = target.registry ? requestOf(id) : { method: 'GET', path: '/' }
  const growing = target.registry && id === 'registerGrowing'
  const run = async (seconds: number, part: number) => {
    // A fresh service for each growing run: the registry's quota stays far away.
    if (growing) await renewGrowingService(target.origin)
    return runWrk({
      origin: target.origin,
      threads,
      connections,
      durationSeconds: seconds,
      request,
      ...(growing ? { growing: { template: GROWING_TEMPLATE, start: part * 50_000_000 } } : {}),
    })
  }
  if (warmupSeconds > 0) await run(warmupSeconds, 0)
  const before = sumOver(target.pids, cpuSeconds)
  const result = await run(
    growing ? Math.min(durationSeconds, GROWING_MAX_SECONDS) : durationSeconds,
    1,
  )
  const after = sumOver(target.pids, cpuSeconds)
  const cpuMicros =
    before === undefined || after === undefined || result.requests === 0
      ? undefined
      : ((after - before) * 1e6) / result.requests
  return { result, cpuMicros }
}

function rowOf(
  scenario: Scenario,
  targets: HttpTarget[],
  results: Map<string, LoadResult[]>,
  cpu: Map<string, number[]>,
): HttpRow {
  const figures: Record<string, TargetFigures> = {}
  const rps = (key: string) =>
    (results.get(`${scenario.id}:${key}`) ?? []).map((result) => result.requestsPerSecond)
  const ofBare: Record<string, number> = {}
  const ofAgainst: Record<string, number> = {}
  for (const target of targets) {
    const rounds = results.get(`${scenario.id}:${target.key}`) ?? []
    const cpuMicros = cpu.get(`${scenario.id}:${target.key}`)
    figures[target.key] = {
      requestsPerSecond: median(rounds.map((result) => result.requestsPerSecond)),
      p50Ms: median(rounds.map((result) => result.p50Ms)),
      p99Ms: median(rounds.map((result) => result.p99Ms)),
      cpuMicros: cpuMicros?.length ? median(cpuMicros) : undefined,
      errors: rounds.reduce((sum, result) => sum + result.errors, 0),
      non2xx: rounds.reduce((sum, result) => sum + result.non2xx, 0),
      rounds,
    }
    if (target.key === 'bare') continue
    ofBare[target.key] = pairedRatio(rps(target.key), rps('bare'))
    if (target.key !== 'against' && results.has(`${scenario.id}:against`)) {
      ofAgainst[target.key] = pairedRatio(rps(target.key), rps('against'))
    }
  }
  return { ...scenario, figures, ofBare, ofAgainst }
}

/** The median of the per-round ratios: each compares two runs of the same round. */
function pairedRatio(values: number[], baseline: number[]): number {
  return median(values.map((value, i) => value / (baseline[i] ?? Number.NaN)))
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`
}
