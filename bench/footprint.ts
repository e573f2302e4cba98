import { fileURLToPath } from 'node:url'
import type { Profile } from '../src/registry/index.ts'
import { startChildServer } from './child-server.ts'
import { median } from './loop.ts'
import { rssBytes } from './proc.ts'

/** How quickly `cse-mock serve` answers and how much memory it holds before any data. */
export interface StartupFigures {
  profile: Profile
  /** Spawn to the first 200 on `GET /v4/default/registry/health`, median of the repeats. */
  firstHealthMs: number
  /** Resident memory right after that answer. */
  rssEmptyBytes: number
  repeats: number
}

const CLI = fileURLToPath(new URL('../bin/cse-mock.js', import.meta.url))
/** The path every registry answers when it is up. */
export const HEALTH_PATH = '/v4/default/registry/health'

/**
 * Starts `cse-mock serve` (default request log, empty registry) `repeats` times, one after the
 * other, and times each from spawn to its first 200 on the health endpoint.
 * @example
 * const figures = await measureStartup('cse', 3)
 */
export async function measureStartup(profile: Profile, repeats: number): Promise<StartupFigures> {
  const times: number[] = []
  const memory: number[] = []
  for (let i = 0; i < repeats; i++) {
    const server = await startChildServer(serveArgs(profile), 'cse-mock serve')
    try {
      await waitForHealth(server.origin)
      times.push(performance.now() - server.spawnedAt)
      memory.push(rssBytes(server.pid) ?? Number.NaN)
    } finally {
      await server.stop()
    }
  }
  return { profile, firstHealthMs: median(times), rssEmptyBytes: median(memory), repeats }
}

/**
 * The command line of `cse-mock serve` as the benchmark runs it: a free port, the default
 * request log on.
 * @example
 * startChildServer(serveArgs('cse'), 'cse-mock serve')
 */
export function serveArgs(profile: Profile): string[] {
  return [CLI, 'serve', '--port', '0', '--profile', profile]
}

/** Polls the health endpoint until it answers 200. */
export async function waitForHealth(origin: string, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs
  for (;;) {
    try {
      const response = await fetch(`${origin}${HEALTH_PATH}`)
      await response.arrayBuffer()
      if (response.status === 200) return
    } catch {
      // Not listening yet.
    }
    if (performance.now() > deadline) {
      throw new Error(`Failed to reach ${origin}${HEALTH_PATH}: no 200 in ${timeoutMs} ms.`)
    }
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}
