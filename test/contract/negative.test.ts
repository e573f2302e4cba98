import { afterEach, describe, expect, it } from 'vitest'
import type { CliIo } from '../../src/cli/command.ts'
import { verifyCommand } from '../../src/cli/commands/verify.ts'
import {
  type CheckResult,
  createContractRun,
  describeCheck,
  ERROR_ENVELOPE_RULE,
  SPEC_RULES,
} from '../../src/contract/index.ts'
import {
  DEFECTIVE_LOGIN,
  type Defect,
  type DefectiveServer,
  startDefectiveServer,
} from './defective-server.ts'

let server: DefectiveServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function failuresAgainst(defect: Defect): Promise<CheckResult[]> {
  server = await startDefectiveServer([defect])
  const report = await createContractRun({
    target: { client: { baseUrl: server.url }, websockets: false },
  }).run()
  expect(report.passed).toBe(false)
  return report.checks.filter((check) => check.outcome === 'failed')
}

describe('the suite against a server that breaks the contract', () => {
  it('works against the same server without defects, so every failure below is the defect', async () => {
    server = await startDefectiveServer([])
    const report = await createContractRun({
      target: { client: { baseUrl: server.url }, websockets: false },
    }).run()
    expect(report.checks.filter((c) => c.outcome === 'failed').map(describeCheck)).toEqual([])
  })

  it('fails the auth scenarios against a server that logs in but lets every token through', async () => {
    server = await startDefectiveServer(['permissive-auth'])
    const report = await createContractRun({
      target: { client: { baseUrl: server.url, ...DEFECTIVE_LOGIN }, websockets: false },
    }).run()
    expect(report.passed).toBe(false)
    const failed = report.checks.filter((check) => check.outcome === 'failed')
    const rules = failed.map((check) => `${check.scenario}: ${check.rule}`)
    for (const rule of [
      'auth-tokens: answers 401204 without an Authorization header, with no detail',
      'auth-tokens: answers 401201 to a token that is not a JWT',
      'auth-tokens: answers 401201 to a token whose signature was changed',
      'auth-tokens: answers 401201 when two spaces follow the scheme word',
      'auth-roles: a role without service:create gets 403205 naming service:create',
      'auth-roles: a role without account:get gets 403205 on the account list',
      'auth-roles: a token of a deleted account answers 401206',
    ]) {
      expect(rules).toContain(rule)
    }
    expect(failed.every((check) => check.scenario?.startsWith('auth-'))).toBe(true)
  })

  it('names the operation and the broken rule for a numeric errorCode', async () => {
    const lines = (await failuresAgainst('numeric-error-code')).map(describeCheck)
    expect(lines).toContainEqual(
      `getService: ${ERROR_ENVELOPE_RULE}: errorCode is number 400012, not a string`,
    )
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^getService: body valid against the spec: HTTP 400: errorCode must be of type string/,
      ),
    )
  })

  it('names the operation and the broken rule for a missing X-Resource-Revision', async () => {
    const failures = await failuresAgainst('no-revision')
    for (const operationId of ['getInstance', 'findInstances']) {
      expect(failures).toContainEqual(
        expect.objectContaining({
          operationId,
          rule: SPEC_RULES.header,
          message: 'HTTP 200: X-Resource-Revision is required',
        }),
      )
    }
    // Without a revision the 304 steps cannot even be tried; the scenario says so.
    expect(failures).toContainEqual(
      expect.objectContaining({
        scenario: 'instance lifecycle',
        message: 'stopped: no revision to send back',
      }),
    )
  })

  it('names the operation and the broken rule for an undeclared status code', async () => {
    const failures = await failuresAgainst('undeclared-status')
    expect(failures).toContainEqual(
      expect.objectContaining({
        operationId: 'heartbeat',
        rule: SPEC_RULES.status,
        message: expect.stringMatching(/^HTTP 204 is not declared for heartbeat/),
      }),
    )
    expect(failures.every((f) => f.operationId === 'heartbeat')).toBe(true)
  })

  it('names the operation and the broken rule for tags that merge instead of replace', async () => {
    const lines = (await failuresAgainst('merging-tags')).map(describeCheck)
    expect(lines).toContainEqual(expect.stringMatching(/^setTags: tags POST replaces: after POST/))
    expect(lines).toContainEqual(
      expect.stringMatching(/^setTags: an empty tag map clears the tags/),
    )
  })

  it('makes cse-mock verify exit with 1 and print the failure', async () => {
    server = await startDefectiveServer(['merging-tags'])
    const out: string[] = []
    const io: CliIo = { out: (line) => out.push(line), err: (line) => out.push(line) }
    const code = await verifyCommand.run(['--endpoint', server.url, '--rate', '0'], io)
    expect(code).toBe(1)
    const text = out.join('\n')
    expect(text).toMatch(/FAIL tags \(\d+ checks, \d+ ms\)\n {7}setTags: tags POST replaces/)
    expect(text).toMatch(/\nsetTags +\d+ +[1-9]\d* +0 +tags POST replaces/)
    expect(text).toMatch(/\nFAILED: /)
    // The whole suite runs here: about 12 s alone, several times that on a busy machine.
  }, 90_000)
})
