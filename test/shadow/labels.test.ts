import { describe, expect, it } from 'vitest'
import type { Difference } from '../../src/compare/types.ts'
import { labelDifferences } from '../../src/shadow/label-differences.ts'

const profiles = { mock: 'cse' as const, twin: 'servicecomb' as const }
const env: Difference = {
  kind: 'body-shape',
  where: '$.service.environment',
  left: 'absent',
  right: '"development"',
}
const go: Difference = {
  kind: 'body-shape',
  where: '$.goVersion',
  left: '"go1.19.13"',
  right: 'absent',
}
const detail: Difference = {
  kind: 'body-value',
  where: '$.detail',
  left: '"SC text"',
  right: '"mock text"',
}
const status: Difference = { kind: 'status', where: '', left: '200', right: '400' }

describe('labels of shadow differences', () => {
  it('labels a difference profile when the twin agrees with live there, and keeps one the twin shares', () => {
    const labelled = labelDifferences('getService', [env, status], [status], profiles)
    expect(labelled[0]).toMatchObject({
      label: 'profile',
      reason: expect.stringContaining('servicecomb profile'),
    })
    expect(labelled[1]).toEqual(status)
  })

  it('labels the documented deliberate differences and leaves the rest alone without a twin', () => {
    const labelled = labelDifferences('getVersion', [go, detail, status], undefined, profiles)
    expect(labelled.map((d) => d.label)).toEqual(['deliberate', 'deliberate', undefined])
    expect(labelled[0]?.reason).toContain('/version')
    // The same place on another operation is no documented difference.
    expect(labelDifferences('getService', [go], undefined, profiles)[0]?.label).toBeUndefined()
  })
})
