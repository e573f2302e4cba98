import type { Caller } from './model.ts'
import { toPkcs8 } from './pem.ts'

type Jose = typeof import('jose')
type Key = Awaited<ReturnType<Jose['importSPKI']>>

/**
 * The RSA key pair tokens are signed and checked with, as PEM text: PKCS #8 (or PKCS #1)
 * private key, SPKI public key — the files Service Center's `rbac.privateKeyFile` and
 * `rbac.publicKeyFile` name.
 * @example
 * const pair: KeyPair = { privateKey: readFileSync('private.key', 'utf8'), publicKey: readFileSync('public.key', 'utf8') }
 */
export interface KeyPair {
  privateKey: string
  publicKey: string
}

/**
 * Why a token was refused: `expired` (401205) or the 401201 detail Service Center's JWT
 * library gives.
 * @example
 * const refusal: TokenRefusal = { expired: false, detail: 'crypto/rsa: verification error' }
 */
export interface TokenRefusal {
  expired: boolean
  detail: string
}

const ALGORITHM = 'RS512'
const RSA_ALGORITHMS = new Set(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'])
const CACHE_LIMIT = 1000

/**
 * Signs and checks Service Center's tokens: RS512 JWTs whose claims are `account`, `exp` and
 * `roles`, nothing else. `jose` is loaded on first use and a missing key pair is generated
 * then, so a mock that never issues a token pays nothing for it.
 * @example
 * const tokens = new TokenSigner()
 * const token = await tokens.sign({ name: 'root', roles: ['admin'] }, 1_900_000_000)
 */
export class TokenSigner {
  #given: KeyPair | undefined
  #keys: Promise<{ sign: Key; verify: Key; pair: Promise<KeyPair> }> | undefined
  readonly #verified = new Map<string, Record<string, unknown>>()
  readonly #otherKeys = new Map<string, Promise<Key>>()

  constructor(pair?: KeyPair) {
    this.#given = pair
  }

  /** The key pair in use as PEM, generating it first if none was given. */
  async keyPair(): Promise<KeyPair> {
    return (await this.#load()).pair
  }

  /** A token for the caller that expires at `exp` (Unix seconds). */
  async sign(caller: Caller, exp: number): Promise<string> {
    const jose = await loadJose()
    const { sign } = await this.#load()
    // Claims in the order Go writes a map: sorted keys.
    const payload = JSON.stringify({ account: caller.name, exp, roles: caller.roles })
    return new jose.CompactSign(new TextEncoder().encode(payload))
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .sign(sign)
  }

  /** The claims of a token signed with this key pair, or why it is refused at `nowMs`. */
  async verify(token: string, nowMs: number): Promise<Record<string, unknown> | TokenRefusal> {
    let claims = this.#verified.get(token)
    if (!claims) {
      const checked = await this.#check(token)
      if ('detail' in checked && 'expired' in checked) return checked as TokenRefusal
      claims = checked
      if (this.#verified.size >= CACHE_LIMIT) this.#verified.clear()
      this.#verified.set(token, claims)
    }
    const now = Math.floor(nowMs / 1000)
    if (typeof claims.exp === 'number' && now > claims.exp) return { expired: true, detail: '' }
    if (typeof claims.nbf === 'number' && now < claims.nbf) return { expired: true, detail: '' }
    if (typeof claims.iat === 'number' && now < claims.iat) {
      return { expired: false, detail: 'Token used before issued' }
    }
    return claims
  }

  async #check(token: string): Promise<Record<string, unknown> | TokenRefusal> {
    const refuse = (detail: string): TokenRefusal => ({ expired: false, detail })
    if (token.split('.').length !== 3) return refuse('token contains an invalid number of segments')
    const jose = await loadJose()
    const alg = headerAlg(token)
    // Go's JWT library verifies RSA tokens by the algorithm their header names, with the RSA
    // public key; any other key type is refused.
    if (alg !== undefined && !RSA_ALGORITHMS.has(alg)) return refuse('key is of invalid type')
    try {
      const verify = await this.#verifyKey(alg ?? ALGORITHM)
      const { payload } = await jose.compactVerify(token, verify, {
        algorithms: [alg ?? ALGORITHM],
      })
      const claims: unknown = JSON.parse(new TextDecoder().decode(payload))
      if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
        return refuse('json: cannot unmarshal into Go value of type jwt.MapClaims')
      }
      return claims as Record<string, unknown>
    } catch (error) {
      const code = (error as { code?: string }).code
      if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') {
        return refuse('crypto/rsa: verification error')
      }
      if (code === 'ERR_JOSE_ALG_NOT_ALLOWED') return refuse('key is of invalid type')
      return refuse('illegal base64 data at input byte 0')
    }
  }

  #verifyKey(alg: string): Promise<Key> {
    if (alg === ALGORITHM) return this.#load().then((keys) => keys.verify)
    let key = this.#otherKeys.get(alg)
    if (!key) {
      key = this.keyPair().then(async (pair) => (await loadJose()).importSPKI(pair.publicKey, alg))
      this.#otherKeys.set(alg, key)
    }
    return key
  }

  #load() {
    this.#keys ??= (async () => {
      const jose = await loadJose()
      if (this.#given) {
        const pair = this.#given
        const [sign, verify] = await Promise.all([
          jose.importPKCS8(toPkcs8(pair.privateKey), ALGORITHM),
          jose.importSPKI(pair.publicKey, ALGORITHM),
        ])
        return { sign, verify, pair: Promise.resolve(pair) }
      }
      const generated = await jose.generateKeyPair(ALGORITHM, {
        modulusLength: 2048,
        extractable: true,
      })
      const pair = Promise.all([
        jose.exportPKCS8(generated.privateKey),
        jose.exportSPKI(generated.publicKey),
      ]).then(([privateKey, publicKey]) => ({ privateKey, publicKey }))
      return { sign: generated.privateKey, verify: generated.publicKey, pair }
    })()
    return this.#keys
  }
}

/** The `alg` of a token's header, `undefined` when the header cannot be read. */
function headerAlg(token: string): string | undefined {
  try {
    const part = token.slice(0, token.indexOf('.')).replace(/-/g, '+').replace(/_/g, '/')
    const header: unknown = JSON.parse(atob(part))
    const alg = (header as { alg?: unknown } | null)?.alg
    return typeof alg === 'string' ? alg : undefined
  } catch {
    return undefined
  }
}

let jose: Promise<Jose> | undefined

function loadJose(): Promise<Jose> {
  jose ??= import('jose')
  return jose
}
