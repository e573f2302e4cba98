/**
 * A small seeded generator (mulberry32) giving numbers in [0, 1): the same seed always gives the
 * same sequence, in Node and in the browser alike.
 * @example
 * const next = createSeededRandom(1)
 * next() // 0.6270739405881613, on every run
 */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}
