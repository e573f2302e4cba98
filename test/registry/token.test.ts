import { describe, expect, it } from 'vitest'
import { createRegistry, createVirtualClock, parseGoDuration } from '../../src/registry/index.ts'
import { expectCode } from './helpers.ts'

const ROOT = 'Root#Pa55word'

function claimsOf(token: string): Record<string, unknown> {
  const part = token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')
  return JSON.parse(atob(part)) as Record<string, unknown>
}

describe('tokens', () => {
  it('parses Go durations', () => {
    expect(parseGoDuration('15m')).toBe(900_000)
    expect(parseGoDuration('1h30m')).toBe(5_400_000)
    expect(parseGoDuration('1.5h')).toBe(5_400_000)
    expect(parseGoDuration('12')).toBeUndefined()
    expect(parseGoDuration('h')).toBeUndefined()
  })

  it('issues an RS512 JWT with exactly the account, exp and roles claims', async () => {
    const clock = createVirtualClock(1_700_000_000_000)
    const registry = createRegistry({ clock, rbac: { rootPassword: ROOT } })
    const { token } = await registry.createToken({
      name: 'root',
      password: ROOT,
      tokenExpirationTime: '30m',
    })
    const [header, , signature] = token.split('.')
    expect(JSON.parse(atob(header!))).toEqual({ alg: 'RS512', typ: 'JWT' })
    // A 2048-bit RSA signature is 256 bytes: 342 base64url characters.
    expect(signature).toMatch(/^[A-Za-z0-9_-]{342}$/)
    expect(claimsOf(token)).toEqual({ account: 'root', exp: 1_700_001_800, roles: ['admin'] })
    await expect(registry.rbac!.authenticate(`Bearer ${token}`)).resolves.toEqual({
      name: 'root',
      roles: ['admin'],
    })
    clock.advance(30 * 60_000 + 1000)
    await expectCode(() => registry.rbac!.authenticate(`Bearer ${token}`), '401205')
  })

  it('rejects a token whose payload was changed', async () => {
    const registry = createRegistry({ rbac: { rootPassword: ROOT } })
    const { token } = await registry.createToken({ name: 'root', password: ROOT })
    const [header, , signature] = token.split('.')
    const forged = btoa(JSON.stringify({ account: 'root', exp: 9_999_999_999, roles: ['admin'] }))
      .replace(/=+$/, '')
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
    await expectCode(
      () => registry.rbac!.authenticate(`Bearer ${header}.${forged}.${signature}`),
      '401201',
    )
    await expectCode(() => registry.rbac!.authenticate('Bearer not-a-token'), '401201')
  })

  it('answers 401202 for wrong or missing credentials', async () => {
    const registry = createRegistry({ accounts: { root: 'Secret#123' } })
    await expectCode(() => registry.createToken({ name: 'root', password: 'nope' }), '401202')
    await expectCode(() => registry.createToken({}), '401202')
    expect((await registry.createToken({ name: 'root', password: 'Secret#123' })).token).toContain(
      '.',
    )
  })

  it('answers 400001 for a lifetime outside 15m to 24h', async () => {
    const registry = createRegistry()
    for (const tokenExpirationTime of ['10m', '25h', 'soon']) {
      await expectCode(
        () => registry.createToken({ name: 'a', password: 'b', tokenExpirationTime }),
        '400001',
      )
    }
  })
})
