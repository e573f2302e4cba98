import type { HttpPart } from './http.ts'
import type { InProcessPart } from './in-process.ts'
import type { Machine } from './machine.ts'
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
  inProcess: InProcessPart
  scale: ScaleRow[]
  targets: TargetCheck[]
}

/** The results as the markdown tables printed on stdout and saved to `latest.md`. */
export function renderMarkdown(results: BenchResults): string {
  const { machine, http, inProcess, scale } = results
  const lines = [
    `# cse-mock benchmark${results.quick ? ' (quick)' : ''}`,
    '',
    `${results.date} · ${machine.cpu} · ${machine.cores} cores · ${machine.memoryGb} GB · Node ${machine.node} · ${machine.os}`,
    '',
    `Load average ${results.loadBefore.join(' / ')} at the start, ${results.loadAfter.join(' / ')} at the end (1/5/15 min); the run took ${Math.round(results.durationSeconds)} s.`,
    '',
    `## HTTP: \`cse-mock serve\` under autocannon (${http.connections} connections, ${http.durationSeconds} s per run)`,
    '',
    'Each scenario ran right after a run of a bare `node:http` server answering a constant small JSON body (the ceiling); its ratio is to that paired run. Service Center: its published k6 figures (10 VUs, 2 cores, external etcd).',
    '',
    table(
      [
        'Scenario',
        'req/s',
        'p50 ms',
        'p99 ms',
        'errors / non-2xx',
        'of bare node:http',
        'Service Center',
        'vs SC',
      ],
      [
        ...http.rows.map((row) => [
          row.label,
          integer(row.mock.requestsPerSecond),
          String(row.mock.p50Ms),
          String(row.mock.p99Ms),
          `${row.mock.errors} / ${row.mock.non2xx}`,
          percent(row.ofCeiling),
          `${integer(row.scPerSecond)}/s`,
          `${row.ofServiceCenter.toFixed(1)} ×`,
        ]),
        [
          'bare node:http (ceiling, mean of the paired runs)',
          integer(http.ceilingPerSecond),
          '',
          '',
          '',
          '100 %',
          '',
          '',
        ],
      ],
    ),
    '',
    `## In process: sequential calls, µs of CPU per call (median of ${results.loop.rounds} interleaved rounds of ${results.loop.roundMs} ms)`,
    '',
    '`msw fetch`: global `fetch` intercepted by `setupCseMock`. `getResponse`: the same handlers called by msw directly, without interception. Floors: an msw handler returning the find-one answer as a constant, measured the same way in the same rounds. CPU time (all threads of the process) rather than wall time, so other processes on the machine do not move the figures.',
    '',
    table(
      [
        'Scenario',
        'msw fetch',
        '× msw floor',
        'getResponse',
        '× getResponse floor',
        'registry API',
      ],
      [
        ...inProcess.rows.map((row) => [
          row.label,
          micros(row.mswMicros),
          ratio(row.mswOfFloor),
          micros(row.getResponseMicros),
          ratio(row.getResponseOfFloor),
          micros(row.registryMicros),
        ]),
        [
          'msw constant handler (floor)',
          micros(inProcess.floor.mswMicros),
          '1.00 ×',
          micros(inProcess.floor.getResponseMicros),
          '1.00 ×',
          '',
        ],
      ],
    ),
    '',
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

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  const rule = header.map((_, i) => (i === 0 ? '---' : '---:'))
  return [line(header), line(rule), ...rows.map(line)].join('\n')
}

function integer(value: number): string {
  return Math.round(value).toLocaleString('en-US')
}

function micros(value: number): string {
  return value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : integer(value)
}

function percent(value: number): string {
  return `${Math.round(value * 100)} %`
}

function ratio(value: number): string {
  return `${value.toFixed(2)} ×`
}
