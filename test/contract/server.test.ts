import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type ContractTarget,
  createContractRun,
  describeCheck,
  startServerTarget,
  targetFromEnv,
} from '../../src/contract/index.ts'

// The same scenarios as against the in-process mock, over real HTTP to a spawned
// `cse-mock serve` (what CSE_TARGET=server selects).
let target: ContractTarget

beforeAll(async () => {
  target = await targetFromEnv({ CSE_TARGET: 'server' })
}, 30_000)

afterAll(async () => {
  await target?.close()
})

describe('the suite against the standalone server (CSE_TARGET=server)', () => {
  it('passes every check and leaves nothing behind', async () => {
    expect(target.kind).toBe('server')
    expect(target.client.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const report = await createContractRun({ target }).run()
    expect(report.checks.filter((c) => c.outcome === 'failed').map(describeCheck)).toEqual([])
    expect(report.passed).toBe(true)
    expect(report.cleanup.failed).toEqual([])
    expect(report.profile.summary).toBe('behaves like cse on 11 of 11 differences')
    // Over real HTTP the websocket operations are exercised too.
    for (const [operationId, rule] of [
      ['watch', 'pushes CREATE for a new provider instance'],
      ['watch', 'frames are valid WatchEvents'],
      ['heartbeatWebSocket', 'upgrades for a live instance'],
      ['heartbeatWebSocket', 'closes an unknown instance with 4001'],
    ]) {
      expect(report.checks).toContainEqual(
        expect.objectContaining({ operationId, rule, outcome: 'passed' }),
      )
    }
  }, 60_000)
})

describe('the suite against cse-mock serve --rbac', () => {
  it('passes every check, the auth scenarios and the websockets with a token included', async () => {
    const secured = await startServerTarget({ rbac: true, args: ['--profile', 'servicecomb'] })
    try {
      const report = await createContractRun({ target: secured }).run()
      expect(report.checks.filter((c) => c.outcome === 'failed').map(describeCheck)).toEqual([])
      expect(report.passed).toBe(true)
      const ran = (scenario: string) =>
        report.checks.filter((c) => c.scenario === scenario && c.outcome === 'passed').length
      for (const scenario of [
        'auth-tokens',
        'auth-roles',
        'auth-accounts',
        'auth-lockout',
        'websockets',
      ]) {
        expect(ran(scenario), scenario).toBeGreaterThan(5)
      }
      expect(report.checks.filter((c) => c.outcome === 'skipped').map((c) => c.rule)).toEqual([
        'answers 401205 to an expired token',
      ])
    } finally {
      await secured.close()
    }
  }, 90_000)
})
