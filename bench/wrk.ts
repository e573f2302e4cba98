import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BenchRequest } from './scenarios.ts'

/** What one wrk run measured. */
export interface LoadResult {
  requestsPerSecond: number
  /** Completed requests. */
  requests: number
  p50Ms: number
  p99Ms: number
  meanMs: number
  /** Connect, read, write errors and timeouts. */
  errors: number
  /** Answers with a status of 400 or more (wrk counts them apart from 2xx and 3xx). */
  non2xx: number
  durationSeconds: number
}

/** How hard and how long to push. */
export interface LoadOptions {
  origin: string
  threads: number
  connections: number
  durationSeconds: number
  /** What every request sends, unless `growing` renders the body. */
  request: BenchRequest
  /** Registration bodies that differ on every request: wrk renders them from a template. */
  growing?: GrowingBody
}

/**
 * A body whose `%d` placeholders wrk fills with a per-request counter (host name) and the
 * three low bytes of the counter (endpoint address), so every registration is a new instance.
 */
export interface GrowingBody {
  /** `string.format` template with `%d` for the counter, then `%d.%d.%d` for the address. */
  template: string
  /** Counter start, so two runs (warm-up, measured) never send the same instance. */
  start: number
}

const WRK = process.env.WRK ?? 'wrk'

/**
 * Drives `origin` with wrk (`threads` threads, `connections` keep-alive connections) for
 * `durationSeconds` and reads its figures back from the script's `done` hook.
 * @example
 * const result = await runWrk({ origin, threads: 1, connections: 10, durationSeconds: 10, request: { method: 'GET', path: '/' } })
 */
export async function runWrk(options: LoadOptions): Promise<LoadResult> {
  const dir = await mkdtemp(join(tmpdir(), 'cse-mock-wrk-'))
  try {
    const script = join(dir, 'scenario.lua')
    await writeFile(script, luaScript(options.request, options.growing))
    return await wrk(options, script, options.durationSeconds)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Whether wrk can be run here. */
export function wrkAvailable(): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(WRK, ['--version'], (error, stdout, stderr) => {
      // wrk prints its version and usage, then exits with 1.
      resolve(`${stdout}${stderr}`.startsWith('wrk ') || !error)
    })
  })
}

function wrk(options: LoadOptions, script: string, seconds: number): Promise<LoadResult> {
  const args = [
    `-t${options.threads}`,
    `-c${options.connections}`,
    `-d${Math.max(1, Math.round(seconds))}s`,
    '--timeout',
    '10s',
    '-s',
    script,
    `${options.origin}${options.request.path}`,
  ]
  return new Promise((resolve, reject) => {
    execFile(WRK, args, { maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      const line = stdout.split('\n').find((text) => text.startsWith('{"requests"'))
      if (error || !line) {
        reject(new Error(`Failed to run wrk ${args.join(' ')}: ${error?.message ?? stderr}`))
        return
      }
      resolve(resultOf(JSON.parse(line) as WrkSummary))
    })
  })
}

interface WrkSummary {
  requests: number
  durationUs: number
  connect: number
  read: number
  write: number
  status: number
  timeout: number
  p50Us: number
  p99Us: number
  meanUs: number
}

function resultOf(summary: WrkSummary): LoadResult {
  const seconds = summary.durationUs / 1e6
  return {
    requestsPerSecond: summary.requests / seconds,
    requests: summary.requests,
    p50Ms: summary.p50Us / 1000,
    p99Ms: summary.p99Us / 1000,
    meanMs: summary.meanUs / 1000,
    errors: summary.connect + summary.read + summary.write + summary.timeout,
    non2xx: summary.status,
    durationSeconds: seconds,
  }
}

/** The Lua script of one run: the request, and a `done` hook that prints the figures as JSON. */
function luaScript(request: BenchRequest, growing: GrowingBody | undefined): string {
  const lines = [`wrk.method = ${lua(request.method)}`]
  if (request.body !== undefined || growing) {
    lines.push(`wrk.headers["Content-Type"] = "application/json"`)
  }
  if (request.body !== undefined) lines.push(`wrk.body = ${lua(request.body)}`)
  if (growing) {
    lines.push(
      // LuaJIT (Lua 5.1): no bitwise operators, its `bit` module instead.
      `local n = ${growing.start}`,
      `local template = ${lua(growing.template)}`,
      'request = function()',
      '  n = n + 1',
      '  local body = string.format(template, n, bit.band(bit.rshift(n, 16), 255), bit.band(bit.rshift(n, 8), 255), bit.band(n, 255))',
      `  return wrk.format(nil, nil, nil, body)`,
      'end',
    )
  }
  lines.push(
    'done = function(summary, latency, requests)',
    '  local e = summary.errors',
    '  io.write(string.format(\'{"requests":%d,"durationUs":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50Us":%d,"p99Us":%d,"meanUs":%f}\\n\',',
    '    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,',
    '    latency:percentile(50), latency:percentile(99), latency.mean))',
    'end',
  )
  return `${lines.join('\n')}\n`
}

/** A Lua string literal. */
function lua(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\n')}"`
}
