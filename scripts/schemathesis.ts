/**
 * Runs Schemathesis (property-based API testing, pinned below) against `cse-mock serve`: the
 * registry spec in both behaviour profiles and the control API's spec once, with its default
 * checks (the four this project holds to zero failures among them), its stateful phase
 * included, and prints one summary line per run and check.
 * Exits 1 when any of the gated checks failed or a run did not complete.
 *
 * Usage: node scripts/schemathesis.ts [--max-examples N] [--max-time SECONDS]
 * Environment: SCHEMATHESIS_PYTHON (default python3), SCHEMATHESIS_SEED (default 1).
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'

/** The Schemathesis release the CI step installs. */
export const SCHEMATHESIS_VERSION = '4.32.5'

/** The checks that must find nothing, on top of Schemathesis' defaults. */
const GATED_CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'response_schema_conformance',
  'response_headers_conformance',
]

/**
 * The failure codes Schemathesis reports for the gated checks (`st explain <code>`); a code
 * shared with another check (ST104 is also content_type_conformance) is gated too.
 */
const GATED_CODES = new Set([
  'ST101',
  'ST102',
  'ST103',
  'ST104',
  'ST107',
  'ST108',
  'ST109',
  'ST110',
  'ST111',
  'ST113',
])

const ROOT = resolve(import.meta.dirname, '..')
const WORK = join(ROOT, '.tmp', 'schemathesis')
const VENV = join(WORK, `venv-${SCHEMATHESIS_VERSION}`)
const ST = join(VENV, 'bin', 'st')

interface Failure {
  code: string
  title: string
  count: number
  operations: string[]
}

interface RunReport {
  complete: boolean
  running_time: number
  test_cases: { generated: number }
  failures: Failure[]
  errors: { title?: string; message?: string }[]
}

function installSchemathesis(): void {
  if (existsSync(ST)) return
  const python = process.env.SCHEMATHESIS_PYTHON ?? 'python3'
  mkdirSync(WORK, { recursive: true })
  console.log(`installing schemathesis ${SCHEMATHESIS_VERSION} into ${VENV}`)
  execFileSync(python, ['-m', 'venv', VENV], { stdio: 'inherit' })
  execFileSync(
    join(VENV, 'bin', 'pip'),
    ['install', '--quiet', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS_VERSION}`],
    { stdio: 'inherit' },
  )
}

/** Starts `cse-mock serve` on a free port and resolves with its URL and a stop function. */
async function serve(profile: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(
    join(ROOT, 'node_modules', '.bin', 'node'),
    [join(ROOT, 'bin', 'cse-mock.js'), 'serve', '--port', '0', '--quiet', '--profile', profile],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const exited = new Promise<void>((done) => child.once('close', () => done()))
  const url = await new Promise<string>((found, fail) => {
    const lines = createInterface({ input: child.stdout! })
    lines.on('line', (line) => {
      const match = /listening on (http:\/\/\S+)/.exec(line)
      if (match) found(match[1]!)
    })
    child.once('close', (code) => fail(new Error(`cse-mock serve exited with ${code}`)))
  })
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM')
      await exited
    },
  }
}

async function runProfile(
  spec: string,
  profile: string,
  maxExamples: number,
  maxTime: number,
  seed: string,
) {
  const server = await serve(profile)
  const reportDir = join(WORK, `${spec.replace(/\W+/g, '-')}-${profile}`)
  rmSync(reportDir, { recursive: true, force: true })
  const args = [
    'run',
    join(ROOT, 'spec', spec),
    '--url',
    server.url,
    // No --checks: Schemathesis' defaults (every built-in check) run, the gated four among them.
    '--phases',
    'examples,coverage,fuzzing,stateful',
    '--max-examples',
    String(maxExamples),
    '--max-time',
    String(maxTime),
    // One worker: Python 3.11's parser is not thread-safe under Hypothesis' lambda reprs.
    '--workers',
    '1',
    '--seed',
    seed,
    '--report',
    'json',
    '--report-dir',
    reportDir,
    '--output-truncate',
    'true',
    // The inspector's live feed never ends: a stream, not an answer to check.
    ...(spec === 'cse-mock-control.yaml' ? ['--exclude-operation-id', 'streamEvents'] : []),
  ]
  const code = await new Promise<number>((done) => {
    const st = spawn(ST, args, { cwd: WORK, stdio: ['ignore', 'pipe', 'pipe'] })
    const log: Buffer[] = []
    st.stdout.on('data', (chunk: Buffer) => log.push(chunk))
    st.stderr.on('data', (chunk: Buffer) => log.push(chunk))
    st.once('close', (exit) => {
      const text = Buffer.concat(log).toString()
      // The full Schemathesis output only when something it checks failed.
      if (exit !== 0) console.log(text)
      done(exit ?? 1)
    })
  })
  await server.stop()
  const file = readdirSync(reportDir).find((name) => name.endsWith('.json'))
  if (!file) throw new Error(`schemathesis wrote no report for ${profile} (exit ${code})`)
  return JSON.parse(readFileSync(join(reportDir, file), 'utf8')) as RunReport
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'max-examples': { type: 'string', default: '10' },
      'max-time': { type: 'string', default: '100' },
    },
  })
  const maxExamples = Number(values['max-examples'])
  const maxTime = Number(values['max-time'])
  const seed = process.env.SCHEMATHESIS_SEED ?? '1'
  installSchemathesis()
  let gatedFailures = 0
  const lines: string[] = []
  // The registry in both profiles; the control API (the same in both) once.
  const runs: [string, string, number][] = [
    ['cse-registry.yaml', 'cse', maxTime],
    ['cse-registry.yaml', 'servicecomb', maxTime],
    ['cse-mock-control.yaml', 'cse', Math.ceil(maxTime / 2)],
  ]
  for (const [spec, profile, time] of runs) {
    const report = await runProfile(spec, profile, maxExamples, time, seed)
    const gated = report.failures.filter((failure) => GATED_CODES.has(failure.code))
    const other = report.failures.filter((failure) => !GATED_CODES.has(failure.code))
    gatedFailures += gated.reduce((sum, failure) => sum + failure.count, 0)
    if (!report.complete) gatedFailures += 1
    lines.push(
      `${spec} (${profile}): ${report.test_cases.generated} cases in ${report.running_time.toFixed(0)} s, ` +
        `${gated.reduce((sum, f) => sum + f.count, 0)} failures of ${GATED_CHECKS.join(', ')}` +
        `${report.complete ? '' : ' (run incomplete)'}; ${report.errors.length} errors`,
    )
    for (const failure of gated) {
      lines.push(
        `  GATED ${failure.code} ${failure.title}: ${failure.count} (${failure.operations.join('; ')})`,
      )
    }
    for (const failure of other) {
      lines.push(`  other ${failure.code} ${failure.title}: ${failure.count}`)
    }
  }
  console.log('\n==> schemathesis summary')
  for (const line of lines) console.log(line)
  console.log(
    gatedFailures === 0
      ? `schemathesis: 0 failures of the gated checks in every run (seed ${seed})`
      : `schemathesis: ${gatedFailures} failures of the gated checks (seed ${seed})`,
  )
  process.exitCode = gatedFailures === 0 ? 0 : 1
}

await main()
