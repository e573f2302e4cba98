import type { HttpPart } from './http.ts'
import type { InProcessPart } from './in-process.ts'
import type { ScaleRow } from './scale.ts'
import type { ScenarioId } from './scenarios.ts'

/** One goal, what was measured against it and whether it holds in this run. */
export interface TargetCheck {
  goal: string
  measured: string
  met: boolean
}

/** The figures the targets read. */
export interface TargetInput {
  http: HttpPart
  inProcess?: InProcessPart | undefined
  scale?: ScaleRow[] | undefined
}

const MB = 1024 ** 2
/** Service Center's table order. */
const SCENARIO_ORDER: readonly ScenarioId[] = [
  'findOne',
  'heartbeat',
  'registerSame',
  'find100',
  'find1000',
  'registerGrowing',
]
/** The calls clients make most: their p99 must not be worse than the other registry's. */
const HOT: readonly ScenarioId[] = ['findOne', 'heartbeat', 'registerSame']

/**
 * The performance goals, each a ratio within one run (absolute times depend on the machine).
 * They are reported, never asserted: a noisy machine must not fail a build.
 */
export function checkTargets({ http, inProcess, scale }: TargetInput): TargetCheck[] {
  const checks: TargetCheck[] = [...httpTargets(http)]
  if (inProcess) checks.push(...inProcessTargets(inProcess))
  if (scale) checks.push(...scaleTargets(scale))
  return checks
}

/** Targets of side-by-side runs: Service Center's throughput and p99, the bare ceiling. */
function httpTargets(http: HttpPart): TargetCheck[] {
  const checks: TargetCheck[] = []
  const against = http.targets.find((target) => target.key === 'against')
  const mocks = http.targets.filter((target) => target.registry && target.key !== 'against')
  const row = (id: ScenarioId) => http.rows.find((candidate) => candidate.id === id)!
  for (const mock of mocks) {
    if (against) {
      for (const id of SCENARIO_ORDER) {
        const scenario = row(id)
        const share = scenario.ofAgainst[mock.key] ?? Number.NaN
        checks.push({
          goal: `${mock.label} ${scenario.label} ≥ 1.5 × ${against.label}`,
          measured: `${ratioText(share)} (${integer(scenario.figures[mock.key]!.requestsPerSecond)} vs ${integer(scenario.figures.against!.requestsPerSecond)}/s)`,
          met: share >= 1.5,
        })
        if (!HOT.includes(id)) continue
        const ours = scenario.figures[mock.key]!.p99Ms
        const theirs = scenario.figures.against!.p99Ms
        checks.push({
          goal: `${mock.label} ${scenario.label} p99 ≤ ${against.label}'s`,
          measured: `${ours.toFixed(2)} vs ${theirs.toFixed(2)} ms`,
          met: ours <= theirs,
        })
      }
    }
    for (const id of ['findOne', 'heartbeat'] as const) {
      const scenario = row(id)
      const share = scenario.ofBare[mock.key] ?? Number.NaN
      checks.push({
        goal: `${mock.label} ${scenario.label} ≥ 50 % of bare node:http`,
        measured: percent(share),
        met: share >= 0.5,
      })
    }
    const startup = http.startup.find((entry) => entry.profile === mock.key)
    if (startup) {
      checks.push({
        goal: `${mock.label} start to first 200 on health ≤ 0.3 s`,
        measured: `${(startup.firstHealthMs / 1000).toFixed(2)} s`,
        met: startup.firstHealthMs <= 300,
      })
      checks.push({
        goal: `${mock.label} RSS empty ≤ 100 MB`,
        measured: mb(startup.rssEmptyBytes),
        met: startup.rssEmptyBytes <= 100 * MB,
      })
    }
    const memory = http.memory.find((entry) => entry.key === mock.key)?.rssWithDataBytes
    if (memory !== undefined) {
      checks.push({
        goal: `${mock.label} RSS with 1,103 instances ≤ 116 MB (Service Center + etcd)`,
        measured: mb(memory),
        met: memory <= 116 * MB,
      })
    }
  }
  return checks
}

function inProcessTargets(inProcess: InProcessPart): TargetCheck[] {
  const findOne = inProcess.rows.find((row) => row.id === 'findOne')!
  return [
    {
      goal: 'In-process find one through mock.fetch ≥ 5 × cheaper than an intercepted fetch',
      measured: `${findOne.mswOfMockFetch.toFixed(1)} × (${Math.round(findOne.mockFetchMicros)} vs ${Math.round(findOne.mswMicros)} µs)`,
      met: findOne.mswOfMockFetch >= 5,
    },
    {
      goal: 'In-process find one ≤ 1.25 × the msw constant handler',
      measured: `${findOne.mswOfFloor.toFixed(2)} ×`,
      met: findOne.mswOfFloor <= 1.25,
    },
  ]
}

function scaleTargets(scale: ScaleRow[]): TargetCheck[] {
  const checks: TargetCheck[] = []
  const smallest = scale[0]
  const largest = scale.at(-1)
  if (smallest && largest && smallest !== largest) {
    const label = `${count(largest.instances)} vs ${count(smallest.instances)} instances`
    for (const [name, key] of [
      ['discovery', 'discoveryMicros'],
      ['heartbeat', 'heartbeatMicros'],
      ['get-by-id', 'getByIdMicros'],
      ['discovery', 'coldDiscoveryMicros'],
      ['heartbeat', 'coldHeartbeatMicros'],
      ['get-by-id', 'coldGetByIdMicros'],
    ] as const) {
      const ratio = largest[key] / smallest[key]
      const targets = key.startsWith('cold') ? '8,192 random targets' : '100 targets'
      checks.push({
        goal: `Scale: ${name} at ${label} ≤ 2 × (${targets})`,
        measured: `${ratio.toFixed(2)} ×`,
        met: ratio <= 2,
      })
    }
    checks.push({
      goal: `Scale: heap per instance at ${count(largest.instances)} ≤ 1.5 KB`,
      measured: `${(largest.bytesPerInstance / 1024).toFixed(2)} KB`,
      met: largest.bytesPerInstance <= 1536,
    })
  }
  const seed10k = scale.find((row) => row.instances === 10_000)
  const seed100k = scale.find((row) => row.instances === 100_000)
  if (seed10k && seed100k) {
    const ratio = seedMs(seed100k) / seedMs(seed10k)
    checks.push({
      goal: 'Scale: seeding 100,000 ≤ 10 × seeding 10,000 (snapshot + restore)',
      measured: `${ratio.toFixed(2)} ×`,
      met: ratio <= 10,
    })
  }
  return checks
}

/** Time to seed: building the snapshot plus restoring it. */
export function seedMs(row: ScaleRow): number {
  return row.snapshotMs + row.restoreMs
}

function ratioText(value: number): string {
  return `${value.toFixed(2)} ×`
}

function mb(bytes: number): string {
  return `${Math.round(bytes / MB)} MB`
}

function integer(value: number): string {
  return Math.round(value).toLocaleString('en-US')
}

function percent(value: number): string {
  return `${Math.round(value * 100)} %`
}

function count(value: number): string {
  return value.toLocaleString('en-US')
}
