import { sha1Hex } from '../registry/sha1.ts'

/**
 * A keyed digest as hex: the same key, kind and value always give the same digits, and a value
 * cannot be told from its digest without the key. SHA-1 over `key NUL kind NUL value NUL n`,
 * block after block until `length` digits, with the registry's own browser-safe SHA-1 (no
 * `node:crypto`). It hides values; it is not meant to authenticate anything.
 * @example
 * keyedDigest('key', 'host', '10.0.0.1', 12) // 12 hex digits, always the same
 */
export function keyedDigest(key: string, kind: string, value: string, length = 40): string {
  let hex = ''
  for (let block = 0; hex.length < length; block += 1) {
    hex += sha1Hex(`${key}\u0000${kind}\u0000${value}\u0000${block}`)
  }
  return hex.slice(0, length)
}

/**
 * Replaces every letter and digit of `value` with one of the same class (digit, lower, upper)
 * drawn from its keyed digest, and keeps every other character: `order-7f9x` stays shaped like
 * `abcde-1a2b`. The same input gives the same output.
 * @example
 * shapedStandIn('key', 'property', 'gray-42') // e.g. 'kqmz-07'
 */
export function shapedStandIn(key: string, kind: string, value: string): string {
  const hex = keyedDigest(key, kind, value, Math.max(2, value.length * 2))
  let out = ''
  for (let i = 0; i < value.length; i += 1) {
    const char = value[i]!
    const draw = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16)
    if (char >= '0' && char <= '9') out += String(draw % 10)
    else if (char >= 'a' && char <= 'z') out += String.fromCharCode(97 + (draw % 26))
    else if (char >= 'A' && char <= 'Z') out += String.fromCharCode(65 + (draw % 26))
    else out += char
  }
  return out
}
