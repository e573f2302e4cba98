import { fileURLToPath } from 'node:url'
import { type ChildServer, startChildServer } from './child-server.ts'
import { type LoadResult, runLoad } from './load.ts'
import {
  type BenchRequest,
  createBenchSnapshot,
  EXPECTED_INSTANCES,
  headersOf,
  requestOf,
  SCENARIOS,
  type Scenario,
  type ScenarioId,
} from './scenarios.ts'
import type { BenchSettings } from './settings.ts'

/** One scenario over HTTP, with the bare-server run made just before it. */
export interface HttpRow extends Scenario {
  mock: LoadResult
  ceiling: LoadResult
  /** Our req/s over the bare server's, from the paired runs. */
  ofCeiling: number
  /** Our req/s over Service Center's published figure. */
  ofServiceCenter: number
}

/** The HTTP part: the six scenarios against `cse-mock serve` and a bare `node:http` ceiling. */
export interface HttpPart {
  connections: number
  durationSeconds: number
  /** Mean req/s of all bare-server runs. */
  ceilingPerSecond: number
  rows: HttpRow[]
}

const CLI = fileURLToPath(new URL('../bin/cse-mock.js', import.meta.url))
const BARE = fileURLToPath(new URL('./bare-server.ts', import.meta.url))

/** Growing registration runs last: it is the only scenario that grows the registry. */
const RUN_ORDER: readonly ScenarioId[] = [
  'findOne',
  'find100',
  'find1000',
  'heartbeat',
  'registerSame',
  'registerGrowing',
]

/**
 * Starts both servers as child processes, loads the benchmark registry through the control API,
 * checks every scenario answers as expected, then measures each one right after a run of the
 * bare server, so each ratio compares two runs made under the same machine load.
 */
export async function runHttpPart(
  settings: BenchSettings,
  log: (line: string) => void,
): Promise<HttpPart> {
  const servers: ChildServer[] = []
  try {
    const mock = await startChildServer([CLI, 'serve', '--port', '0', '--quiet'], 'cse-mock serve')
    servers.push(mock)
    const bare = await startChildServer([BARE], 'the bare node:http server')
    servers.push(bare)
    await loadSnapshot(mock.origin)
    for (const id of RUN_ORDER) await checkScenario(mock.origin, id)

    const { connections, durationSeconds, warmupSeconds } = settings.http
    const load = (origin: string, request: (n: number) => BenchRequest) =>
      runLoad({ origin, connections, durationSeconds, warmupSeconds, request })
    const measured = new Map<ScenarioId, { mock: LoadResult; ceiling: LoadResult }>()
    for (const id of RUN_ORDER) {
      const ceiling = await load(bare.origin, () => ({ method: 'GET', path: '/' }))
      const result = await load(mock.origin, (n) => requestOf(id, n))
      log(
        `  http ${id}: ${Math.round(result.requestsPerSecond)} req/s (bare ${Math.round(ceiling.requestsPerSecond)})`,
      )
      measured.set(id, { mock: result, ceiling })
    }
    const rows = SCENARIOS.map((scenario): HttpRow => {
      const { mock: result, ceiling } = measured.get(scenario.id)!
      return {
        ...scenario,
        mock: result,
        ceiling,
        ofCeiling: result.requestsPerSecond / ceiling.requestsPerSecond,
        ofServiceCenter: result.requestsPerSecond / scenario.scPerSecond,
      }
    })
    const ceilings = rows.map((row) => row.ceiling.requestsPerSecond)
    return {
      connections,
      durationSeconds,
      ceilingPerSecond: ceilings.reduce((a, b) => a + b, 0) / ceilings.length,
      rows,
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()))
  }
}

/** Replaces the server's registry with the benchmark snapshot through the control API. */
async function loadSnapshot(origin: string): Promise<void> {
  const response = await fetch(`${origin}/__cse-mock/snapshot`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(createBenchSnapshot()),
  })
  if (!response.ok) {
    throw new Error(
      `Failed to load the benchmark registry: PUT /__cse-mock/snapshot answered ${response.status} ${await response.text()}`,
    )
  }
  await response.arrayBuffer()
}

/** One request per scenario before any load: a wrong setup must fail, not be measured. */
async function checkScenario(origin: string, id: ScenarioId): Promise<void> {
  const request = requestOf(id, 5_000_000)
  const response = await fetch(`${origin}${request.path}`, {
    method: request.method,
    headers: headersOf(request),
    ...(request.body === undefined ? {} : { body: request.body }),
  })
  const text = await response.text()
  if (!response.ok) {
    throw new Error(`Failed to check scenario ${id}: ${response.status} ${text.slice(0, 300)}`)
  }
  const expected = EXPECTED_INSTANCES[id]
  if (expected !== undefined) {
    const found = (JSON.parse(text) as { instances?: unknown[] }).instances?.length ?? 0
    if (found !== expected) {
      throw new Error(
        `Failed to check scenario ${id}: found ${found} instances, expected ${expected}`,
      )
    }
  }
}
