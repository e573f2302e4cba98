import type { HttpPart } from './http.ts'
import type { InProcessPart } from './in-process.ts'
import type { Machine } from './machine.ts'
import { integer, micros, ratio, table } from './report-format.ts'
import { httpSection } from './report-http.ts'
import type { ScaleRow } from './scale.ts'
import { seedMs, type TargetCheck } from './targets.ts'

/** Everything one run measured, as written to `bench-results/latest.json`. */
export interface BenchResults {
  date: string
  quick: boolean
  machine: Machine
  /** 1/5/15-minute load averages when the run started and when it ended. */
  loadBefore: number[]
  loadAfter: number[]
  durationSeconds: number
  loop: { rounds: number; roundMs: number }
  http: HttpPart
  /** Absent with `--http-only`. */
  inProcess?: InProcessPart | undefined
  scale?: ScaleRow[] | undefined
  targets: TargetCheck[]
}

/** The results as the markdown tables printed on stdout and saved to `latest.md`. */
export function renderMarkdown(results: BenchResults): string {
  const { machine, http, inProcess, scale } = results
  const lines: string[] = [
    `# cse-mock benchmark${results.quick ? ' (quick)' : ''}`,
    '',
    `${results.date} · ${machine.cpu} · ${machine.cores} cores · ${machine.memoryGb} GB · Node ${machine.node} · ${machine.os}`,
    '',
    `Load average ${results.loadBefore.join(' / ')} at the start, ${results.loadAfter.join(' / ')} at the end (1/5/15 min); the run took ${Math.round(results.durationSeconds)} s.`,
    '',
    ...httpSection(http),
    ...(inProcess ? inProcessSection(results, inProcess) : []),
    ...(scale ? scaleSection(scale) : []),
    '## Targets',
    '',
    table(
      ['Goal', 'Measured', 'Met'],
      results.targets.map((check) => [check.goal, check.measured, check.met ? 'yes' : '**no**']),
    ),
    '',
  ]
  return lines.join('\n')
}

function inProcessSection(results: BenchResults, inProcess: InProcessPart): string[] {
  return [
    `## In process: sequential calls, µs of CPU per call (median of ${results.loop.rounds} interleaved rounds of ${results.loop.roundMs} ms)`,
    '',
    "`msw fetch`: global `fetch` intercepted by `setupCseMock`. `mock.fetch`: the mock's own `fetch`, answering through the same handlers without interception. `getResponse`: the same handlers called by msw directly, without interception. Floors: an msw handler returning the find-one answer as a constant, measured the same way in the same rounds. CPU time (all threads of the process) rather than wall time, so other processes on the machine do not move the figures.",
    '',
    table(
      [
        'Scenario',
        'msw fetch',
        '× msw floor',
        'mock.fetch',
        'msw fetch ÷ mock.fetch',
        'getResponse',
        '× getResponse floor',
        'registry API',
      ],
      [
        ...inProcess.rows.map((row) => [
          row.label,
          micros(row.mswMicros),
          ratio(row.mswOfFloor),
          micros(row.mockFetchMicros),
          ratio(row.mswOfMockFetch),
          micros(row.getResponseMicros),
          ratio(row.getResponseOfFloor),
          micros(row.registryMicros),
        ]),
        [
          'msw constant handler (floor)',
          micros(inProcess.floor.mswMicros),
          '1.00 ×',
          '',
          '',
          micros(inProcess.floor.getResponseMicros),
          '1.00 ×',
          '',
        ],
      ],
    ),
    '',
  ]
}

function scaleSection(scale: ScaleRow[]): string[] {
  return [
    '## Scale: the registry API with many instances (µs of CPU per call)',
    '',
    'Faker seed data in services of 2 versions × 10 instances, so every discovery returns 10 instances whatever the size. "100 targets": calls cycle through 100 randomly picked services or instances at every size, the same working set, so what grows is the registry\'s own cost. "8,192 targets": spread over the whole registry, so at 100,000 instances most calls also miss the CPU caches. Registration: a new instance into a random service.',
    '',
    table(
      [
        'Instances',
        'Services',
        'discovery (100 targets)',
        'heartbeat (100)',
        'get by id (100)',
        'discovery (8,192 targets)',
        'heartbeat (8,192)',
        'get by id (8,192)',
        'registration',
      ],
      [
        ...scale.map((row) => [
          integer(row.instances),
          integer(row.services),
          micros(row.discoveryMicros),
          micros(row.heartbeatMicros),
          micros(row.getByIdMicros),
          micros(row.coldDiscoveryMicros),
          micros(row.coldHeartbeatMicros),
          micros(row.coldGetByIdMicros),
          micros(row.registrationMicros),
        ]),
        ...costRatioRow(scale),
      ],
    ),
    '',
    'Heap: after `gc()`, the growth from seeding over the instances (service records, schemas and indexes included). Seeding: building the seed snapshot, then `registry.restore()` (median of the repeats).',
    '',
    table(
      ['Instances', 'heap / instance', 'seed: snapshot', 'seed: restore', 'seed: total'],
      [
        ...scale.map((row) => [
          integer(row.instances),
          `${integer(row.bytesPerInstance)} B`,
          `${integer(row.snapshotMs)} ms`,
          `${integer(row.restoreMs)} ms`,
          `${integer(seedMs(row))} ms`,
        ]),
        ...seedRatioRow(scale),
      ],
    ),
    '',
  ]
}

/** How the largest size compares with the smallest. */
function costRatioRow(scale: ScaleRow[]): string[][] {
  const first = scale[0]
  const last = scale.at(-1)
  if (!first || !last || first === last) return []
  const x = (key: keyof ScaleRow) => `${(last[key] / first[key]).toFixed(2)} ×`
  return [
    [
      `${integer(last.instances)} ÷ ${integer(first.instances)}`,
      '',
      x('discoveryMicros'),
      x('heartbeatMicros'),
      x('getByIdMicros'),
      x('coldDiscoveryMicros'),
      x('coldHeartbeatMicros'),
      x('coldGetByIdMicros'),
      x('registrationMicros'),
    ],
  ]
}

/** Seeding the largest size over seeding 10,000. */
function seedRatioRow(scale: ScaleRow[]): string[][] {
  const last = scale.at(-1)
  const tenK = scale.find((row) => row.instances === 10_000)
  if (!last || !tenK || tenK === last) return []
  const x = (a: number, b: number) => `${(a / b).toFixed(2)} ×`
  return [
    [
      `${integer(last.instances)} ÷ ${integer(tenK.instances)}`,
      '',
      x(last.snapshotMs, tenK.snapshotMs),
      x(last.restoreMs, tenK.restoreMs),
      x(seedMs(last), seedMs(tenK)),
    ],
  ]
}
