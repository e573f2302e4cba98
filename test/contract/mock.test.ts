import { afterEach, describe, expect, it } from 'vitest'
import {
  type ContractTarget,
  createContractRun,
  describeCheck,
  PROFILE_PROBES,
  probeName,
  SCENARIOS,
  SPEC_OPERATIONS,
  setupMockTarget,
  TEARDOWN_PLAN,
} from '../../src/contract/index.ts'
import { leftovers } from '../../src/contract/scenarios/leftovers.ts'

let target: ContractTarget | undefined
afterEach(async () => {
  await target?.close()
  target = undefined
})

describe.each(['cse', 'servicecomb'] as const)(
  'the suite against the in-process mock (%s)',
  (profile) => {
    it('passes every check, leaves nothing behind and recognises the profile', async () => {
      target = await setupMockTarget({ profile })
      const report = await createContractRun({ target }).run()
      expect(report.checks.filter((c) => c.outcome === 'failed').map(describeCheck)).toEqual([])
      expect(report.passed).toBe(true)
      expect(report.cleanup.failed).toEqual([])
      expect(report.cleanup.deleted.length).toBeGreaterThan(0)
      expect(report.profile.closest).toBe(profile)
      expect(report.profile.summary).toBe(`behaves like ${profile} on 10 of 10 differences`)
      const unprobed = report.profile.findings.filter((f) => f.observed === 'not probed')
      // The run logs in, so the target has accounts and the token probe does not apply.
      expect(unprobed.map((f) => f.key)).toEqual(['backendUnavailableCode', 'tokenWithoutAccounts'])
    })
  },
)

describe('a run with wrong credentials', () => {
  it('stops after one refused login instead of failing every call', async () => {
    target = await setupMockTarget()
    const wrong = { ...target, client: { ...target.client, password: 'Not-the-pa55word' } }
    const report = await createContractRun({ target: wrong }).run()
    expect(report.passed).toBe(false)
    expect(report.scenarios.map((s) => s.name)).toEqual(['login'])
    expect(report.checks.map(describeCheck)).toEqual([
      expect.stringMatching(
        /^createToken: logs in with the given user and password: the registry refused the login: HTTP 401 .*"401202"/,
      ),
    ])
  })
})

describe('the suite plan', () => {
  it('ends with a check that nothing is left behind', async () => {
    target = await setupMockTarget()
    const report = await createContractRun({ target }).run()
    expect(report.scenarios.at(-1)?.name).toBe(leftovers.name)
    expect(report.checks).toContainEqual(
      expect.objectContaining({
        rule: 'no service of the run application is left',
        outcome: 'passed',
      }),
    )
  })

  it('exercises every spec operation and calls only what each scenario declares', async () => {
    target = await setupMockTarget()
    const report = await createContractRun({ target }).run()
    const exercised = new Set(
      report.checks.filter((c) => c.outcome === 'passed').map((c) => c.operationId),
    )
    expect(SPEC_OPERATIONS.map((op) => op.operationId).filter((id) => !exercised.has(id))).toEqual(
      [],
    )
    const declared = new Map<string, readonly string[]>([
      ...SCENARIOS.map((s) => [s.name, s.operations] as const),
      ...PROFILE_PROBES.map((p) => [probeName(p), p.operations] as const),
      [leftovers.name, leftovers.operations],
    ])
    for (const [name, operations] of declared) {
      // A scenario the target cannot serve (websockets here) is skipped as a whole.
      if (report.scenarios.find((s) => s.name === name)?.outcome === 'skipped') continue
      const called = new Set(
        report.checks
          .filter((c) => c.scenario === name && c.operationId !== 'suite')
          .map((c) => c.operationId),
      )
      const allowed = new Set([...operations, ...TEARDOWN_PLAN.operations])
      expect({ name, undeclared: [...called].filter((id) => !allowed.has(id)) }).toEqual({
        name,
        undeclared: [],
      })
      expect({ name, unused: operations.filter((id) => !called.has(id)) }).toEqual({
        name,
        unused: [],
      })
    }
  })
})
