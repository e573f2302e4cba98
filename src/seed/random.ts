import type { Faker } from '@faker-js/faker'

/**
 * Cheap draws from a seeded faker, for values made once per instance where faker's richer
 * helpers would dominate the run time (formatting 32 hex digits with `faker.string` costs
 * ~3.5 µs, four 32-bit integers ~0.4 µs each).
 * @example
 * const random = createSeedRandom(faker)
 * random.uuidHex() // 32 lowercase hex digits
 */
export interface SeedRandom {
  /** A uniform integer in 0–4294967295. */
  uint32(): number
  /** A uniform integer in 0–(n - 1). */
  below(n: number): number
  /** A 32-hex-digit id shaped like SC's generated instance ids (a UUIDv4 without dashes). */
  uuidHex(): string
}

/**
 * Wraps a seeded faker in the cheap draws `SeedRandom` describes.
 * @example
 * const random = createSeedRandom(faker)
 * random.below(6) // 0–5
 */
export function createSeedRandom(faker: Faker): SeedRandom {
  const uint32 = () => faker.number.int({ max: 0xffff_ffff })
  return {
    uint32,
    below: (n) => Math.floor((uint32() / 0x1_0000_0000) * n),
    uuidHex() {
      // Version nibble 4 and variant bits 10xx, as in the UUIDs SC strips the dashes from.
      const version = ((uint32() & 0xffff_0fff) | 0x0000_4000) >>> 0
      const variant = ((uint32() & 0x3fff_ffff) | 0x8000_0000) >>> 0
      // Joined, not added: `+` builds a tree of pieces (V8's cons strings) that the registry
      // would keep, ~4 times the bytes of the flat string `join` makes.
      return [hex8(uint32()), hex8(version), hex8(variant), hex8(uint32())].join('')
    },
  }
}

/**
 * A 32-hex-digit digest of a text (four 32-bit FNV-1a-style lanes), used as a schema summary:
 * alphanumeric like the registry requires and stable for the same text.
 * @example
 * digestHex('openapi: 3.0.1') === digestHex('openapi: 3.0.1') // true
 */
export function digestHex(text: string): string {
  let a = 0x811c_9dc5
  let b = 0x0172_3a1f
  let c = 0x9e37_79b9
  let d = 0x85eb_ca6b
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    a = Math.imul(a ^ code, 0x0100_0193)
    b = Math.imul(b ^ code, 0x5bd1_e995)
    c = Math.imul(c ^ code, 0x27d4_eb2f)
    d = Math.imul(d ^ code, 0x1656_67b1)
  }
  return hex8(mix(a)) + hex8(mix(b ^ a)) + hex8(mix(c ^ b)) + hex8(mix(d ^ c))
}

function mix(value: number): number {
  let h = value ^ (value >>> 16)
  h = Math.imul(h, 0x85eb_ca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2_ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/** Two hex digits per byte value; `toString(16).padStart` was a tenth of a 100,000-instance profile. */
const BYTE_HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'))

function hex8(value: number): string {
  return (
    BYTE_HEX[value >>> 24]! +
    BYTE_HEX[(value >>> 16) & 0xff]! +
    BYTE_HEX[(value >>> 8) & 0xff]! +
    BYTE_HEX[value & 0xff]!
  )
}
