import { describe, expect, it } from 'vitest'
import { createProgressLine } from '../../src/shadow/progress-line.ts'
import type { ShadowRecord } from '../../src/shadow/shadow-record.ts'
import { createShadowSummary, formatSummary } from '../../src/shadow/shadow-summary.ts'

const record = (seq: number, differences: ShadowRecord['differences']): ShadowRecord => ({
  seq,
  at: '2026-12-02T00:00:00.000Z',
  operation: seq % 2 ? 'getService' : 'findInstances',
  method: 'GET',
  path: '/v4/default/registry/microservices/x',
  liveStatus: 200,
  mockStatus: 200,
  liveMs: 1,
  differences,
})

const plain = {
  kind: 'body-value' as const,
  where: '$.instances[].status',
  left: '"UP"',
  right: '"DOWN"',
}
const profile = {
  kind: 'body-shape' as const,
  where: '$.service.environment',
  left: 'absent',
  right: '"development"',
  label: 'profile' as const,
  reason: 'twin agrees',
}

describe('the shadow summary', () => {
  it('counts by operation, kind and place, unlabelled rows first, and prints them apart', () => {
    const summary = createShadowSummary()
    summary.record(record(1, [profile]))
    summary.record(record(2, [plain]))
    summary.record(record(3, [profile]))
    summary.record(record(4, []))
    summary.record({
      ...record(5, []),
      liveError: 'connect ECONNREFUSED',
      liveStatus: 0,
      mockStatus: 0,
    })
    const result = summary.summary()
    expect(result).toMatchObject({
      requests: 5,
      agreeing: 1,
      differing: 1,
      refused: 0,
      unreachable: 1,
    })
    expect(result.rows.map((r) => [r.operation, r.where, r.count, r.label])).toEqual([
      ['findInstances', '$.instances[].status', 1, undefined],
      ['getService', '$.service.environment', 2, 'profile'],
    ])
    const text = formatSummary(result)
    expect(text.indexOf('Differences:')).toBeLessThan(
      text.indexOf('Labelled (expected) differences:'),
    )
    expect(text).toMatch(
      /findInstances\s+body-value\s+\$\.instances\[\]\.status\s+1\s+"UP" → "DOWN"/,
    )
    expect(text).toMatch(
      /getService\s+body-shape\s+\$\.service\.environment\s+2\s+profile: twin agrees/,
    )
  })

  it('prints a progress line every N records', () => {
    const lines: string[] = []
    const progress = createProgressLine((text) => lines.push(text), { every: 2, seconds: 3600 })
    for (let seq = 1; seq <= 5; seq++)
      progress.record(record(seq, seq === 2 ? [plain] : seq === 3 ? [profile] : []))
    expect(lines).toEqual([
      'shadow: 2 requests, 1 with differences, 0 only labelled ones\n',
      'shadow: 4 requests, 1 with differences, 1 only labelled ones\n',
    ])
  })
})
