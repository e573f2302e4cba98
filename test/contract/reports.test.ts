import { describe, expect, it } from 'vitest'
import {
  type CheckResult,
  createProfileReport,
  formatProfileReport,
  formatScenarioLine,
  formatSummaryTable,
  JSON_REPORT_FORMAT,
  type SuiteReport,
  summarizeOperations,
  toJsonReport,
  toJUnitXml,
} from '../../src/contract/index.ts'

const checks: CheckResult[] = [
  { scenario: 'tags', operationId: 'setTags', rule: 'matches the spec', outcome: 'passed' },
  {
    scenario: 'tags',
    operationId: 'setTags',
    rule: 'tags POST replaces',
    outcome: 'failed',
    message: 'after POST {b} over {a} the tags are {"a":"1","b":"2"} & <more>',
  },
  {
    scenario: 'meta',
    operationId: 'createToken',
    rule: 'issues a token',
    outcome: 'skipped',
    message: 'no user and password were given for this target',
  },
]

const report: SuiteReport = {
  runId: 'feedbeef',
  appId: 'cse-mock-contract-feedbeef',
  baseUrl: 'http://127.0.0.1:30100',
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 1234,
  passed: false,
  scenarios: [
    { name: 'meta', outcome: 'skipped', checks: 1, failures: [], durationMs: 5 },
    { name: 'tags', outcome: 'failed', checks: 2, failures: [checks[1]!], durationMs: 40 },
  ],
  checks,
  operations: summarizeOperations(checks),
  profile: createProfileReport(
    new Map([
      ['defaultEnvironment', { observed: 'servicecomb', evidence: 'reads back nothing' }],
      ['batchHeartbeatResponse', { observed: 'servicecomb', evidence: 'a list' }],
      ['versionRules', { observed: 'cse', evidence: 'one service' }],
    ]),
  ),
  cleanup: { deleted: ['a', 'b'], failed: [] },
}

describe('reports', () => {
  it('JUnit: one testsuite per scenario, one testcase per check, escaped failure text', () => {
    const xml = toJUnitXml(report)
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /)
    expect(xml).toContain(
      '<testsuites name="cse-mock contract http://127.0.0.1:30100" tests="3" failures="1" time="1.234">',
    )
    expect(xml).toContain('<testsuite name="tags" tests="2" failures="1" skipped="0" time="0.040">')
    expect(xml).toContain('<testcase classname="tags" name="setTags: matches the spec"/>')
    expect(xml).toContain(
      '<failure message="after POST {b} over {a} the tags are {&quot;a&quot;:&quot;1&quot;,&quot;b&quot;:&quot;2&quot;} &amp; &lt;more&gt;">',
    )
    expect(xml).toContain('<skipped message="no user and password were given for this target"/>')
    expect(xml.match(/<testcase /g)).toHaveLength(3)
  })

  it('JSON: the whole report under a format tag', () => {
    const parsed = JSON.parse(toJsonReport(report))
    expect(parsed.format).toBe(JSON_REPORT_FORMAT)
    expect(parsed.checks).toEqual(checks)
    expect(parsed.profile.summary).toBe(report.profile.summary)
  })

  it('summary table: every spec operation, counts, the first failure, unexercised ones marked', () => {
    const table = formatSummaryTable(report.operations)
    expect(table).toMatch(/\nsetTags +1 +1 +0 +tags POST replaces: after POST \{b\} over \{a\}/)
    expect(table).toMatch(/\ncreateToken +0 +0 +1 *($|\n)/)
    expect(table).toMatch(/\ngetVersion +0 +0 +0 +\(not exercised\)/)
  })

  it('profile report: the closest profile and where the target differs from it', () => {
    expect(report.profile.summary).toBe(
      'behaves like servicecomb on 2 of 3 differences; differs on: `version` in discovery, batch find and existence (cse)',
    )
    const text = formatProfileReport(report.profile)
    expect(text).toMatch(/\n {2}versionRules +cse +one service\n/)
    expect(text).toMatch(/\n {2}reRegisterLiveInstance +not probed +/)
  })

  it('progress: one line per scenario, the first failure under it', () => {
    expect(formatScenarioLine(report.scenarios[1]!)).toBe(
      'FAIL tags (2 checks, 40 ms)\n       setTags: tags POST replaces: after POST {b} over {a} the tags are {"a":"1","b":"2"} & <more>',
    )
    expect(formatScenarioLine(report.scenarios[0]!)).toBe('skip meta (1 checks, 5 ms)')
  })
})
