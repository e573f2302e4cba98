import { generateKeyPairSync, sign } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { clientAddress } from '../../src/http/client-address.ts'
import { createVirtualClock, type RegistryError } from '../../src/registry/index.ts'
import {
  DEVELOPER_PERMS,
  decide,
  Rbac,
  TokenSigner,
  toPkcs8,
} from '../../src/registry/rbac/index.ts'
import { Lockout } from '../../src/registry/rbac/lockout.ts'
import { hashPassword, isPasswordHash, samePassword } from '../../src/registry/rbac/passwords.ts'
import { strongPassword } from '../../src/registry/rbac/validation.ts'

describe('lockout', () => {
  it('refills one attempt per 15 minutes, as Go’s rate limiter with a burst of two does', () => {
    const clock = createVirtualClock(1_700_000_000_000)
    const lockout = new Lockout(clock)
    lockout.fail('a::ip')
    lockout.fail('a::ip')
    expect(lockout.isBanned('a::ip')).toBe(false)
    lockout.fail('a::ip')
    expect(lockout.isBanned('a::ip')).toBe(true)
    clock.advance(15 * 60_000 + 1000)
    expect(lockout.isBanned('a::ip')).toBe(false)
    // 15 minutes refilled one attempt: the next failure is allowed, the one after bans again.
    lockout.fail('a::ip')
    expect(lockout.isBanned('a::ip')).toBe(false)
    lockout.fail('a::ip')
    expect(lockout.isBanned('a::ip')).toBe(true)
    expect(lockout.isBanned('b::ip')).toBe(false)
  })
})

describe('permission decision', () => {
  it('allows what a role grants and names what it lacks', () => {
    expect(decide(DEVELOPER_PERMS, { type: 'service', verb: 'create', labels: [] })).toEqual([])
    expect(() => decide(DEVELOPER_PERMS, { type: 'role', verb: 'get', labels: [] })).toThrow(
      'role has no permissions[role:get]',
    )
    expect(() => decide([], { type: 'service', verb: 'get', labels: [] })).toThrow(
      'role has no any permissions',
    )
  })

  it('matches labels: every label of the permission must equal the target’s', () => {
    const perms = [{ resources: [{ type: 'service', labels: { appId: 'shop' } }], verbs: ['get'] }]
    const shop = { environment: '', appId: 'shop', serviceName: 'cart' }
    expect(decide(perms, { type: 'service', verb: 'get', labels: [shop] })).toEqual([
      { appId: 'shop' },
    ])
    const refused = (() => {
      try {
        decide(perms, { type: 'service', verb: 'get', labels: [{ ...shop, appId: 'bank' }] })
      } catch (error) {
        return error as RegistryError
      }
    })()
    expect(refused?.code).toBe('403205')
    expect(refused?.detail).toBe(
      'role has no permissions[service:get] for labels [map[appId:bank environment: serviceName:cart]]',
    )
  })
})

describe('passwords and keys', () => {
  it('stores PBKDF2 hashes and checks against them', async () => {
    const stored = await hashPassword('Dev#Pa55word')
    expect(isPasswordHash(stored)).toBe(true)
    expect(stored).not.toContain('Dev#Pa55word')
    expect(await samePassword(stored, 'Dev#Pa55word')).toBe(true)
    expect(await samePassword(stored, 'Dev#Pa55wore')).toBe(false)
  })

  it('applies Service Center’s password rule', () => {
    expect(strongPassword('Dev#Pa55word')).toBe(true)
    for (const weak of ['Dev#Pa5', 'dev#pa55word', 'DEV#PA55WORD', 'Dev#Password', 'DevPa55word']) {
      expect(strongPassword(weak), weak).toBe(false)
    }
  })

  it('turns a PKCS #1 private key into PKCS #8 that signs verifiable tokens', async () => {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const pkcs1 = pair.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()
    const pkcs8 = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    expect(toPkcs8(pkcs1)).toBe(pkcs8)
    const publicKey = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString()
    const signer = new TokenSigner({ privateKey: pkcs1, publicKey })
    const token = await signer.sign({ name: 'root', roles: ['admin'] }, 2_000_000_000)
    expect(await signer.verify(token, 1_900_000_000_000)).toEqual({
      account: 'root',
      exp: 2_000_000_000,
      roles: ['admin'],
    })
  })
})

describe('token headers, read as Go’s JWT library reads them', () => {
  it('verifies by the header’s RSA algorithm and refuses other key types', async () => {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const signer = new TokenSigner({
      privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKey: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    })
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
    const claims = b64({ account: 'root', exp: 2_000_000_000, roles: ['admin'] })
    const signed = (alg: string, hash: string) => {
      const content = `${b64({ alg, typ: 'JWT' })}.${claims}`
      return `${content}.${sign(hash, Buffer.from(content), pair.privateKey).toString('base64url')}`
    }
    const now = 1_900_000_000_000
    expect(await signer.verify(signed('RS256', 'sha256'), now)).toMatchObject({ account: 'root' })
    expect(await signer.verify(signed('RS256', 'sha512'), now)).toEqual({
      expired: false,
      detail: 'crypto/rsa: verification error',
    })
    expect(await signer.verify(signed('HS256', 'sha256'), now)).toEqual({
      expired: false,
      detail: 'key is of invalid type',
    })
  })
})

describe('client address', () => {
  it('takes the first global unicast address of X-Forwarded-For, then X-Real-Ip, then the peer', () => {
    const headers = (values: Record<string, string>) => (name: string) => values[name] ?? null
    expect(clientAddress(headers({ 'x-forwarded-for': '127.0.0.1, 10.0.0.7' }), '127.0.0.1')).toBe(
      '10.0.0.7',
    )
    expect(clientAddress(headers({ 'x-real-ip': '192.168.1.2' }), '127.0.0.1')).toBe('192.168.1.2')
    expect(clientAddress(headers({ 'x-forwarded-for': '127.0.0.1' }), '::ffff:127.0.0.1')).toBe(
      '127.0.0.1',
    )
    expect(clientAddress(headers({}), undefined)).toBe('')
  })
})

describe('quotas', () => {
  it("default to Service Center's 1000 accounts and 100 roles, and refuse a limit below 1", () => {
    const clock = createVirtualClock(0)
    expect(new Rbac(clock).quotas).toEqual({ accounts: 1000, roles: 100 })
    expect(new Rbac(clock, { quotas: { roles: 5 } }).quotas).toEqual({ accounts: 1000, roles: 5 })
    expect(() => new Rbac(clock, { quotas: { accounts: 0 } })).toThrow(/quotas\.accounts is 0/)
  })
})
