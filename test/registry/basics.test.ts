import { describe, expect, it } from 'vitest'
import {
  createVirtualClock,
  ERROR_MESSAGES,
  newInstanceId,
  omitEmpty,
  PROFILE_DIFFERENCES,
  PROFILE_RULES,
  RegistryError,
} from '../../src/registry/index.ts'
import { sha1Hex } from '../../src/registry/sha1.ts'

describe('errors', () => {
  it('derives the HTTP status from the code and renders the envelope', () => {
    const error = new RegistryError('400012', 'Service does not exist.')
    expect(error.status).toBe(400)
    expect(error.toErrorBody()).toEqual({
      errorCode: '400012',
      errorMessage: 'Micro-service does not exist',
      detail: 'Service does not exist.',
    })
    expect(new RegistryError('500011').toErrorBody()).toEqual({
      errorCode: '500011',
      errorMessage: 'Registry service is unavailable',
    })
  })

  it('knows both backend-unavailable codes of the profiles', () => {
    expect(ERROR_MESSAGES[PROFILE_RULES.cse.backendUnavailableCode]).toBeDefined()
    expect(ERROR_MESSAGES[PROFILE_RULES.servicecomb.backendUnavailableCode]).toBeDefined()
    expect(new RegistryError(PROFILE_RULES.cse.backendUnavailableCode).status).toBe(400)
  })
})

describe('profiles', () => {
  it('describes every rule in one difference row, in order', () => {
    expect(PROFILE_DIFFERENCES.map((d) => d.key)).toEqual(Object.keys(PROFILE_RULES.cse))
    for (const row of PROFILE_DIFFERENCES) {
      expect(PROFILE_RULES.cse[row.key]).not.toEqual(PROFILE_RULES.servicecomb[row.key])
    }
  })
})

describe('helpers', () => {
  it('computes SHA-1 like the reference vectors', () => {
    expect(sha1Hex('')).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709')
    expect(sha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d')
    expect(sha1Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '84983e441c3bd26ebaae4aa1f95129e5e54670f1',
    )
    expect(sha1Hex('a'.repeat(1000))).toBe('291e9a6c66994949b57ba5e650361e98fc36b1ba')
  })

  it('generates 32-hex instance ids', () => {
    expect(newInstanceId()).toMatch(/^[0-9a-f]{32}$/)
    expect(newInstanceId()).not.toBe(newInstanceId())
  })

  it('omits empty strings, arrays, maps and zeros but keeps map entries', () => {
    expect(
      omitEmpty({
        a: '',
        b: [],
        c: {},
        d: 0,
        e: 'x',
        properties: { k: '' },
        healthCheck: { mode: 'push', times: 0 },
      }),
    ).toEqual({ e: 'x', properties: { k: '' }, healthCheck: { mode: 'push' } })
  })

  it('moves a virtual clock only when told', () => {
    const clock = createVirtualClock(1000)
    clock.advance(500)
    expect(clock.now()).toBe(1500)
    clock.set(10)
    expect(clock.now()).toBe(10)
    expect(() => clock.advance(-1)).toThrow(/^Failed to advance/)
  })
})
