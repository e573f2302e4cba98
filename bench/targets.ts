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
  inProcess: InProcessPart
  scale: ScaleRow[]
}

/**
 * The performance goals, each a ratio within one run (absolute times depend on the machine).
 * They are reported, never asserted: a noisy machine must not fail a build.
 */
export function checkTargets({ http, inProcess, scale }: TargetInput): TargetCheck[] {
  const checks: TargetCheck[] = []
  const httpRow = (id: ScenarioId) => http.rows.find((row) => row.id === id)!
  for (const [id, share] of [
    ['findOne', 0.6],
    ['heartbeat', 0.6],
    ['registerSame', 0.4],
  ] as const) {
    const row = httpRow(id)
    checks.push({
      goal: `HTTP ${row.label} ≥ ${percent(share)} of bare node:http`,
      measured: percent(row.ofCeiling),
      met: row.ofCeiling >= share,
    })
  }
  const find1000 = httpRow('find1000')
  checks.push({
    goal: `HTTP find 1000 instances ≥ 5 × Service Center (${5 * find1000.scPerSecond}/s)`,
    measured: `${Math.round(find1000.mock.requestsPerSecond)}/s (${find1000.ofServiceCenter.toFixed(1)} ×)`,
    met: find1000.ofServiceCenter >= 5,
  })
  const findOne = inProcess.rows.find((row) => row.id === 'findOne')!
  checks.push({
    goal: 'In-process find one ≤ 1.25 × the msw constant handler',
    measured: `${findOne.mswOfFloor.toFixed(2)} ×`,
    met: findOne.mswOfFloor <= 1.25,
  })
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
      goal: `Scale: heap per instance at ${count(largest.instances)} ≤ 2 KB`,
      measured: `${(largest.bytesPerInstance / 1024).toFixed(2)} KB`,
      met: largest.bytesPerInstance <= 2048,
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

function percent(value: number): string {
  return `${Math.round(value * 100)} %`
}

function count(value: number): string {
  return value.toLocaleString('en-US')
}
