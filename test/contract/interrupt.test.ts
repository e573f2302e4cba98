import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CONTRACT_APP_PREFIX,
  type ContractTarget,
  startServerTarget,
} from '../../src/contract/index.ts'

const CLI = fileURLToPath(new URL('../../bin/cse-mock.js', import.meta.url))
let server: ContractTarget

beforeAll(async () => {
  server = await startServerTarget()
}, 30_000)

afterAll(async () => {
  await server?.close()
})

/** Runs verify against the server and interrupts it once the first scenario has finished. */
function interruptAfterFirstScenario(signal: 'SIGINT' | 'SIGTERM') {
  const child = spawn(
    process.execPath,
    [CLI, 'verify', '--endpoint', server.client.baseUrl, '--rate', '20'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let stdout = ''
  let stderr = ''
  let sent = false
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk
    if (!sent && /^ok {3}meta /m.test(stdout)) {
      sent = true
      child.kill(signal)
    }
  })
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk
  })
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  )
}

async function servicesOfContractRuns() {
  const response = await fetch(`${server.client.baseUrl}/v4/default/registry/microservices`)
  const body = (await response.json()) as { services?: { appId?: string }[] }
  return (body.services ?? []).filter((s) => s.appId?.startsWith(CONTRACT_APP_PREFIX))
}

describe('interrupting cse-mock verify', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    'on %s deletes what the run created and exits with %i',
    async (signal, code) => {
      const result = await interruptAfterFirstScenario(signal)
      expect(result.code).toBe(code)
      expect(result.stderr).toContain(`${signal}: deleting what this run created`)
      expect(result.stderr).toMatch(
        /Teardown: deleted \d+ service\(s\) of application cse-mock-contract-/,
      )
      expect(result.stdout).not.toContain('PASSED')
      expect(await servicesOfContractRuns()).toEqual([])
    },
    60_000,
  )
})
