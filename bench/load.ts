import { createRequire } from 'node:module'
import { type BenchRequest, headersOf } from './scenarios.ts'

/** What one load run measured. */
export interface LoadResult {
  requestsPerSecond: number
  /** Completed requests. */
  requests: number
  /** autocannon keeps latencies in whole milliseconds; the mean has decimals. */
  p50Ms: number
  p99Ms: number
  meanMs: number
  /** Socket errors and timeouts. */
  errors: number
  non2xx: number
  durationSeconds: number
}

/** How hard and how long to push. */
export interface LoadOptions {
  origin: string
  connections: number
  durationSeconds: number
  warmupSeconds: number
  /** Called for every request sent; `n` counts from 0 over the whole run, warm-up included. */
  request: (n: number) => BenchRequest
}

interface AutocannonRequest {
  method: string
  path: string
  headers?: Record<string, string>
  body?: string
  setupRequest?: (request: AutocannonRequest) => AutocannonRequest
}

interface AutocannonResult {
  duration: number
  errors: number
  timeouts: number
  non2xx: number
  latency: { p50: number; p99: number; average: number }
  requests: { total: number }
}

type Autocannon = (options: Record<string, unknown>) => PromiseLike<AutocannonResult>

// autocannon is CommonJS without type declarations; this file states the part it uses.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon

/**
 * Drives `connections` keep-alive connections against `origin` for `durationSeconds`, after an
 * unmeasured warm-up of `warmupSeconds` with the same requests.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  let n = 0
  const next = (): AutocannonRequest => {
    const request = options.request(n++)
    return { ...request, headers: headersOf(request) }
  }
  const base = {
    url: options.origin,
    connections: options.connections,
    // Every request is rebuilt, so registrations of a growing registry differ each time.
    requests: [{ ...next(), setupRequest: () => next() }],
    timeout: 10,
    renderProgressBar: false,
    renderResultsTable: false,
    renderLatencyTable: false,
  }
  if (options.warmupSeconds > 0) {
    await autocannon({ ...base, duration: options.warmupSeconds })
  }
  const result = await autocannon({ ...base, duration: options.durationSeconds })
  return {
    requestsPerSecond: result.requests.total / result.duration,
    requests: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    meanMs: result.latency.average,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    durationSeconds: result.duration,
  }
}
