import { describe, expect, it } from 'vitest'
import { createRegistry, createVirtualClock, parseGoDuration } from '../../src/registry/index.ts'
import { expectCode } from './helpers.ts'

describe('tokens', () => {
  it('parses Go durations', () => {
    expect(parseGoDuration('15m')).toBe(900_000)
    expect(parseGoDuration('1h30m')).toBe(5_400_000)
    expect(parseGoDuration('1.5h')).toBe(5_400_000)
    expect(parseGoDuration('12')).toBeUndefined()
    expect(parseGoDuration('h')).toBeUndefined()
  })

  it('issues a JWT-shaped token with account and exp claims', () => {
    const clock = createVirtualClock(1_700_000_000_000)
    const registry = createRegistry({ clock })
    const { token } = registry.createToken({
      name: 'root',
      password: 'x',
      tokenExpirationTime: '30m',
    })
    const [header, payload, signature] = token.split('.')
    expect(signature).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(JSON.parse(atob(header!))).toMatchObject({ typ: 'JWT' })
    expect(JSON.parse(atob(payload!))).toMatchObject({ account: 'root', exp: 1_700_001_800 })
    expect(registry.verifyToken(token)).toBe(true)
    clock.advance(30 * 60_000)
    expect(registry.verifyToken(token)).toBe(false)
  })

  it('rejects a tampered token', () => {
    const registry = createRegistry()
    const { token } = registry.createToken({ name: 'root', password: 'x' })
    const [header, , signature] = token.split('.')
    const forged = btoa(JSON.stringify({ account: 'root', exp: 9_999_999_999 })).replace(/=+$/, '')
    expect(registry.verifyToken(`${header}.${forged}.${signature}`)).toBe(false)
    expect(registry.verifyToken('not-a-token')).toBe(false)
  })

  it('answers 401202 for wrong credentials when accounts are configured', async () => {
    const registry = createRegistry({ accounts: { root: 'Secret#123' } })
    await expectCode(() => registry.createToken({ name: 'root', password: 'nope' }), '401202')
    expect(registry.createToken({ name: 'root', password: 'Secret#123' }).token).toContain('.')
  })

  it('answers 400001 for a lifetime outside 15m to 24h', async () => {
    const registry = createRegistry()
    await expectCode(
      () => registry.createToken({ name: 'a', password: 'b', tokenExpirationTime: '10m' }),
      '400001',
    )
    await expectCode(
      () => registry.createToken({ name: 'a', password: 'b', tokenExpirationTime: '25h' }),
      '400001',
    )
    await expectCode(
      () => registry.createToken({ name: 'a', password: 'b', tokenExpirationTime: 'soon' }),
      '400001',
    )
  })
})
