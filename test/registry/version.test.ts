import { describe, expect, it } from 'vitest'
import {
  compareVersions,
  matchesRule,
  parseVersion,
  parseVersionRule,
  selectVersions,
} from '../../src/registry/index.ts'

describe('versions', () => {
  it('accepts 1 to 4 numeric segments of at most 32767', () => {
    for (const ok of ['1', '1.0', '1.0.0', '1.0.0.1', '01.2', '32767'])
      expect(parseVersion(ok)).toBeDefined()
    for (const bad of ['1.', '.1', 'a', '60000', '32768', '1.0.0.0.0', 'v1', '1.0-SNAPSHOT', '']) {
      expect(parseVersion(bad), bad).toBeUndefined()
    }
  })

  it('compares numerically, segment by segment, missing segments as 0', () => {
    expect(compareVersions('1.10', '1.9')).toBeGreaterThan(0)
    expect(compareVersions('4', '1.10')).toBeGreaterThan(0)
    expect(compareVersions('1.0.9', '1.0.10')).toBeLessThan(0)
    expect(compareVersions('1.0', '1.0.0.0')).toBe(0)
    expect(compareVersions('01.2', '1.2')).toBe(0)
  })

  it('parses the four kinds of rule and rejects others', () => {
    expect(parseVersionRule('1.2.3')?.kind).toBe('exact')
    expect(parseVersionRule('latest')?.kind).toBe('latest')
    expect(parseVersionRule('1.2+')?.kind).toBe('atLeast')
    expect(parseVersionRule('1.2-2.0')?.kind).toBe('range')
    for (const bad of ['Latest', '1.2++', '1-2-3', '1.99999+', 'x-1', ''])
      expect(parseVersionRule(bad), bad).toBeUndefined()
  })

  it('matches exact rules on the literal string', () => {
    expect(matchesRule('1.0', parseVersionRule('1.0')!)).toBe(true)
    expect(matchesRule('1.0.0', parseVersionRule('1.0')!)).toBe(false)
  })

  it('treats a range as half-open and swaps reversed bounds', () => {
    const range = parseVersionRule('2.0-1.0')!
    expect(matchesRule('1.0', range)).toBe(true)
    expect(matchesRule('1.99', range)).toBe(true)
    expect(matchesRule('2.0', range)).toBe(false)
    expect(matchesRule('1.0', parseVersionRule('1.0-1.0')!)).toBe(false)
  })

  it('selects newest first and latest as one version', () => {
    const all = ['1.0', '2.0', '1.5']
    expect(selectVersions(all, (v) => v, parseVersionRule('1.2+')!)).toEqual(['2.0', '1.5'])
    expect(selectVersions(all, (v) => v, parseVersionRule('latest')!)).toEqual(['2.0'])
  })
})
