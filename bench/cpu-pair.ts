/**
 * CPU time per request of two builds of `cse-mock serve`, side by side: each is started with
 * `serve --port 0 --profile P` (the default request log on, drained from a pipe), loaded with
 * the benchmark data, then driven by wrk in alternating runs (A, B, B, A, …), and the server's
 * user + system time over each run divided by its requests. A shared machine moves req/s; CPU
 * per request, paired in one run, is what a change to the request path shows in.
 *
 *   node bench/cpu-pair.ts OTHER_CHECKOUT [--profile cse] [--rounds 4] [--seconds 5]
 *     [--scenarios findOne,heartbeat]
 *
 * OTHER_CHECKOUT is a directory holding another version's `bin/cse-mock.js` (for instance
 * `git worktree add` of the commit before a change); "this" is the checkout the script is in.
 * Numbers only: nothing here passes or fails.
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startChildServer } from './child-server.ts'
import { median } from './loop.ts'
import { cpuSeconds } from './proc.ts'
import { checkScenario, registerBenchData } from './register-data.ts'
import { requestOf, type ScenarioId } from './scenarios.ts'
import { runWrk } from './wrk.ts'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    profile: { type: 'string', default: 'cse' },
    rounds: { type: 'string', default: '4' },
    seconds: { type: 'string', default: '5' },
    scenarios: { type: 'string', default: 'findOne,heartbeat,find100,find1000' },
  },
})
const other = positionals[0]
if (!other) {
  process.stderr.write('usage: node bench/cpu-pair.ts OTHER_CHECKOUT [--profile P]\n')
  process.exit(2)
}
const here = join(import.meta.dirname, '..')
const scenarios = values.scenarios.split(',') as ScenarioId[]
const rounds = Number(values.rounds)
const seconds = Number(values.seconds)

const servers = {
  other: await startChildServer(
    [join(other, 'bin/cse-mock.js'), 'serve', '--port', '0', '--profile', values.profile],
    'the other build',
  ),
  this: await startChildServer(
    [join(here, 'bin/cse-mock.js'), 'serve', '--port', '0', '--profile', values.profile],
    'this build',
  ),
}
type Side = keyof typeof servers
const samples = new Map<string, { cpu: number[]; rps: number[]; p99: number[] }>()
try {
  for (const server of Object.values(servers)) {
    await registerBenchData(server.origin)
    for (const id of scenarios) await checkScenario(server.origin, id)
  }
  for (let round = 0; round < rounds; round++) {
    const order: Side[] = round % 2 === 0 ? ['other', 'this'] : ['this', 'other']
    for (const id of scenarios) {
      for (const side of order) {
        const server = servers[side]
        const options = {
          origin: server.origin,
          threads: 1,
          connections: 10,
          request: requestOf(id),
        }
        await runWrk({ ...options, durationSeconds: 1 })
        const before = cpuSeconds(server.pid) ?? Number.NaN
        const result = await runWrk({ ...options, durationSeconds: seconds })
        const used = (cpuSeconds(server.pid) ?? Number.NaN) - before
        const key = `${id}:${side}`
        const entry = samples.get(key) ?? { cpu: [], rps: [], p99: [] }
        entry.cpu.push((used * 1e6) / result.requests)
        entry.rps.push(result.requestsPerSecond)
        entry.p99.push(result.p99Ms)
        samples.set(key, entry)
      }
    }
  }
} finally {
  await Promise.all(Object.values(servers).map((server) => server.stop()))
}

const show = (values: number[], digits: number) => values.map((v) => v.toFixed(digits)).join(' ')
process.stdout.write(
  `profile ${values.profile}, ${rounds} rounds of wrk -t1 -c10 -d${seconds}s (after 1 s warm-up)\n`,
)
for (const id of scenarios) {
  for (const side of ['other', 'this'] as const) {
    const entry = samples.get(`${id}:${side}`)
    if (!entry) continue
    process.stdout.write(
      `${id.padEnd(10)} ${side.padEnd(5)} CPU µs/req median ${median(entry.cpu).toFixed(1)} ` +
        `[${show(entry.cpu, 1)}]  req/s median ${median(entry.rps).toFixed(0)}  ` +
        `p99 ms median ${median(entry.p99).toFixed(2)}\n`,
    )
  }
}
