import type { Clock } from './clock.ts'
import { RegistryError } from './errors.ts'
import { sha1Hex } from './sha1.ts'

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
}

/**
 * Parses a Go duration such as `30m`, `1h30m` or `1.5h` into milliseconds; `undefined` when
 * malformed.
 * @example
 * parseGoDuration('1h30m') // 5_400_000
 */
export function parseGoDuration(text: string): number | undefined {
  if (
    !/^(\d+(\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)((\d+(\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h))*$/.test(text)
  ) {
    return undefined
  }
  let total = 0
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) {
    total += Number(amount) * UNIT_MS[unit!]!
  }
  return total
}

const MIN_LIFETIME_MS = 15 * 60_000
const MAX_LIFETIME_MS = 24 * 3_600_000
const DEFAULT_LIFETIME = '12h'

/**
 * The outcome of checking a bearer token.
 * @example
 * const outcome: TokenCheck = 'expired'
 */
export type TokenCheck = 'valid' | 'invalid' | 'expired' | 'account-deleted'

/**
 * Issues and checks the tokens of `POST /v4/token` (reference §9): JWT-shaped, with `account`,
 * `iat` and `exp` claims. The signature is a keyed SHA-1, enough for a mock to recognise its
 * own tokens, not a real RS512 signature.
 * @example
 * const tokens = new TokenIssuer(clock, { root: 'Secret#1' })
 * const { token } = tokens.create({ name: 'root', password: 'Secret#1' })
 */
export class TokenIssuer {
  readonly #clock: Clock
  readonly #accounts: Readonly<Record<string, string>> | undefined
  readonly #secret: string

  constructor(clock: Clock, accounts: Record<string, string> | undefined, secret: string) {
    this.#clock = clock
    this.#accounts = accounts
    this.#secret = secret
  }

  /** Whether accounts are configured, which makes registry calls require a token. */
  get hasAccounts(): boolean {
    return this.#accounts !== undefined
  }

  /** Checks the credentials (when accounts are configured) and the lifetime, then signs. */
  create(body: { name: string; password: string; tokenExpirationTime?: string }): {
    token: string
  } {
    const { name, password, tokenExpirationTime } = body ?? {}
    if (this.#accounts && (!name || this.#accounts[name] !== password)) {
      throw new RegistryError('401202', 'User name or password is wrong.')
    }
    const lifetime = tokenExpirationTime || DEFAULT_LIFETIME
    const ms = parseGoDuration(lifetime)
    if (ms === undefined || ms < MIN_LIFETIME_MS || ms > MAX_LIFETIME_MS) {
      throw new RegistryError(
        '400001',
        `Invalid tokenExpirationTime '${lifetime}': expected a duration from 15m to 24h.`,
      )
    }
    const iat = Math.floor(this.#clock.now() / 1000)
    const header = encode({ alg: 'RS512', typ: 'JWT' })
    const payload = encode({ account: name, iat, exp: iat + Math.floor(ms / 1000) })
    return { token: `${header}.${payload}.${this.#sign(`${header}.${payload}`)}` }
  }

  /** Whether the token was issued here, has not expired and its account still exists. */
  verify(token: string): boolean {
    return this.check(token) === 'valid'
  }

  /** Why a token is or is not accepted, for the 401 code to answer (reference §1.2). */
  check(token: string): TokenCheck {
    const [header, payload, signature, extra] = String(token).split('.')
    if (!header || !payload || !signature || extra !== undefined) return 'invalid'
    if (signature !== this.#sign(`${header}.${payload}`)) return 'invalid'
    const claims = decode(payload)
    if (typeof claims?.exp !== 'number') return 'invalid'
    if (claims.exp * 1000 <= this.#clock.now()) return 'expired'
    if (this.#accounts && !(String(claims.account) in this.#accounts)) return 'account-deleted'
    return 'valid'
  }

  #sign(content: string): string {
    const hex = sha1Hex(`${this.#secret}.${content}`)
    const bytes = new Uint8Array(hex.length / 2)
    for (let i = 0; i < bytes.length; i++)
      bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16)
    return base64Url(bytes)
  }
}

function encode(value: unknown): string {
  return base64Url(new TextEncoder().encode(JSON.stringify(value)))
}

function decode(part: string): Record<string, unknown> | undefined {
  try {
    const binary = atob(part.replace(/-/g, '+').replace(/_/g, '/'))
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0))
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes))
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

function base64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}
