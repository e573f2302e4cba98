const ITERATIONS = 10_000
const PREFIX = 'pbkdf2-sha256'

/**
 * Hashes a password for storage (PBKDF2-SHA-256 with a random salt, through Web Crypto, so it
 * runs in Node and browsers). Snapshots hold only these hashes.
 * @example
 * const stored = await hashPassword('Dev#Pa55word') // 'pbkdf2-sha256$10000$…$…'
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16))
  const hash = await derive(password, salt, ITERATIONS)
  return `${PREFIX}$${ITERATIONS}$${toBase64(salt)}$${toBase64(hash)}`
}

/**
 * Whether a password matches a hash made by `hashPassword`.
 * @example
 * await samePassword(await hashPassword('Dev#Pa55word'), 'Dev#Pa55word') // true
 */
export async function samePassword(stored: string, password: string): Promise<boolean> {
  const [prefix, iterations, salt, hash] = stored.split('$')
  if (prefix !== PREFIX || !iterations || !salt || !hash) return false
  const derived = await derive(password, fromBase64(salt), Number(iterations))
  const expected = fromBase64(hash)
  if (derived.length !== expected.length) return false
  let difference = 0
  for (let i = 0; i < derived.length; i++) difference |= derived[i]! ^ expected[i]!
  return difference === 0
}

/**
 * Whether a stored password field is a hash this module made (snapshots are checked with it).
 * @example
 * isPasswordHash('pbkdf2-sha256$10000$AAAA$BBBB') // true
 */
export function isPasswordHash(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    /^pbkdf2-sha256\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/.test(value)
  )
}

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(password),
    'PBKDF2',
    false,
    ['deriveBits'],
  )
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations },
    key,
    256,
  )
  return new Uint8Array(bits)
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0))
}
