import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { CliIo } from '../../src/cli/command.ts'
import { verifyCommand } from '../../src/cli/commands/verify.ts'
import { CliUsageError } from '../../src/cli/usage-error.ts'
import {
  createContractRun,
  defineScenario,
  OWN_WRITES_RULE,
  PROFILE_PROBES,
  SCENARIOS,
} from '../../src/contract/index.ts'

const BASE = 'http://live.contract.test'
const received: string[] = []
const server = setupServer(
  http.all('*', ({ request }) => {
    received.push(`${request.method} ${new URL(request.url).pathname}`)
    return HttpResponse.json({ version: '2.2.0' })
  }),
)
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterEach(() => {
  received.length = 0
})
afterAll(() => server.close())

function captureIo() {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = { out: (line) => out.push(line), err: (line) => err.push(line) }
  return { io, out, err }
}

describe('cse-mock verify --dry-run', () => {
  it('prints every scenario and probe with its operations and sends nothing', async () => {
    const { io, out } = captureIo()
    const code = await verifyCommand.run(['--endpoint', BASE, '--dry-run', '--token', 't'], io)
    expect(code).toBe(0)
    expect(received).toEqual([])
    const plan = out.join('\n')
    for (const entry of [...SCENARIOS.map((s) => s.name), ...PROFILE_PROBES.map((p) => p.key)]) {
      expect(plan).toContain(entry)
    }
    expect(plan).toMatch(/tags +→ createService\*, setTags\*, getTags, updateTag\*, deleteTags\*/)
  })
})

describe('cse-mock verify without --endpoint or --target', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('takes the target from CSE_ENDPOINT, as the tests do', async () => {
    vi.stubEnv('CSE_ENDPOINT', BASE)
    const { io, out } = captureIo()
    expect(await verifyCommand.run(['--dry-run'], io)).toBe(0)
    expect(out[0]).toBe(
      `Plan for ${BASE} (operations marked * change the registry; nothing is sent):`,
    )
  })

  it('refuses a CSE_TARGET that is not a target, and lets a flag win over the environment', async () => {
    vi.stubEnv('CSE_TARGET', 'cloud')
    const { io, out } = captureIo()
    await expect(verifyCommand.run(['--dry-run'], io)).rejects.toThrow(/got 'cloud'/)
    expect(await verifyCommand.run(['--dry-run', '--target', 'server'], io)).toBe(0)
    expect(out[0]).toMatch(/^Plan for the server target/)
  })
})

describe('cse-mock verify flags', () => {
  it.each([
    [['--endpoint', BASE, '--target', 'mock'], /exclude each other/],
    [['--target', 'cloud'], /--target must be one of mock, server/],
    [['--endpoint', BASE, '--user', 'root'], /go together/],
    [['--endpoint', BASE, '--token', 't', '--user', 'u', '--password', 'p'], /--token excludes/],
    [['--endpoint', 'cse.example.com'], /http\(s\) URL/],
    [['--endpoint', BASE, '--rate', 'fast'], /--rate must be an integer/],
    [['--endpoint', BASE, '--profile', 'cse'], /--profile only applies/],
    [['--endpoint', BASE, '--ca-file', 'ca.pem', '--insecure'], /exclude each other/],
    [['--bogus'], /unknown flag --bogus/],
  ])('refuses %j as a usage error before sending anything', async (argv, message) => {
    const { io } = captureIo()
    const attempt = verifyCommand.run(argv, io)
    await expect(attempt).rejects.toBeInstanceOf(CliUsageError)
    await expect(attempt).rejects.toThrow(message)
    expect(received).toEqual([])
  })
})

describe('cse-mock verify', () => {
  it('exits with 2 on bad flags and says which', () => {
    const cli = fileURLToPath(new URL('../../bin/cse-mock.js', import.meta.url))
    const result = spawnSync(process.execPath, [cli, 'verify', '--target', 'cloud'], {
      encoding: 'utf8',
    })
    expect(result.status).toBe(2)
    expect(result.stderr).toContain("--target must be one of mock, server; got 'cloud'")
  })
})

describe('a run', () => {
  it('records a scenario that writes to a foreign service as failed, without sending the write', async () => {
    const rogue = defineScenario({
      name: 'rogue',
      operations: ['deleteService'],
      async run(t) {
        await t.api.DELETE('/v4/{project}/registry/microservices/{serviceId}', {
          params: { path: t.path({ serviceId: 'production-orders' }), query: { force: 'true' } },
        })
      },
    })
    const run = createContractRun({
      target: { client: { baseUrl: BASE } },
      scenarios: [rogue],
      probes: [],
    })
    const report = await run.run()
    expect(report.passed).toBe(false)
    expect(report.checks).toContainEqual(
      expect.objectContaining({
        scenario: 'rogue',
        rule: OWN_WRITES_RULE,
        outcome: 'failed',
        message: expect.stringContaining('"production-orders" was not created by this run'),
      }),
    )
    expect(received.filter((line) => line.startsWith('DELETE'))).toEqual([])
  })
})
