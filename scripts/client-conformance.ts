// Runs the real client libraries (test/clients/go, test/clients/java) through a whole service
// life against `cse-mock serve` in each profile, or against one registry given by --endpoint.
// Prints every step of each client and a closing "clients: N passed, N failed" line; exit 1 when
// a client fails, 2 when Go or Maven is missing.
//   node scripts/client-conformance.ts [--endpoint URL] [--profile cse|servicecomb]
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const PROFILES = ['servicecomb', 'cse'] as const

interface Outcome {
  name: string
  passed: boolean
}

const { values } = parseArgs({
  options: { endpoint: { type: 'string' }, profile: { type: 'string' } },
})

const missing = ['go', 'mvn', 'java'].filter((tool) => !onPath(tool))
if (missing.length > 0) {
  console.error(
    `client conformance needs ${missing.join(', ')} on PATH (Go for test/clients/go, Maven and a JDK 17+ for test/clients/java); install them and run again`,
  )
  process.exit(2)
}

const outcomes: Outcome[] = []
if (values.endpoint) {
  outcomes.push(...(await runClients(values.endpoint, values.endpoint)))
} else {
  const profiles = values.profile ? [values.profile] : PROFILES
  for (const profile of profiles) {
    const server = await startMock(profile)
    try {
      outcomes.push(...(await runClients(`${profile} mock`, server.url)))
    } finally {
      await server.stop()
    }
  }
}
const failed = outcomes.filter((outcome) => !outcome.passed)
for (const outcome of outcomes) console.log(`${outcome.passed ? 'ok  ' : 'FAIL'} ${outcome.name}`)
console.log(`clients: ${outcomes.length - failed.length} passed, ${failed.length} failed`)
process.exit(failed.length > 0 ? 1 : 0)

function onPath(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0
}

async function runClients(label: string, url: string): Promise<Outcome[]> {
  const go = await run(`go client vs ${label}`, 'go', ['run', '.', url], 'test/clients/go')
  const java = await run(`java client vs ${label}`, './run.sh', [url], 'test/clients/java')
  return [go, java]
}

/** Runs one client program with its output passed through, prefixed with the client's name. */
function run(name: string, command: string, args: string[], cwd: string): Promise<Outcome> {
  console.log(`\n--- ${name}`)
  const child = spawn(command, args, {
    cwd: `${ROOT}${cwd}`,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GOFLAGS: process.env.GOFLAGS ?? '-mod=readonly' },
  })
  relay(child)
  return new Promise((resolve) => {
    child.on('error', (error) => {
      console.log(`${name}: ${error.message}`)
      resolve({ name, passed: false })
    })
    child.on('close', (code) => resolve({ name, passed: code === 0 }))
  })
}

function relay(child: ChildProcess) {
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', (line) => console.log(`  ${line}`))
  }
}

/** Starts `cse-mock serve --port 0` and resolves once it printed the URL it listens on. */
async function startMock(profile: string) {
  const node = process.execPath
  const child = spawn(
    node,
    ['bin/cse-mock.js', 'serve', '--port', '0', '--profile', profile, '--quiet'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    const timer = setTimeout(
      () => reject(new Error('cse-mock serve did not start in 30 s')),
      30_000,
    )
    lines.on('line', (line) => {
      const match = /listening on (http:\/\/\S+)/.exec(line)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.on('exit', (code) => reject(new Error(`cse-mock serve exited with ${code}`)))
  })
  console.log(`\n=== cse-mock serve --profile ${profile} on ${url}`)
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
