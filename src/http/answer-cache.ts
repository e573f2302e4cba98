import type { Registry, Revisioned } from '../registry/index.ts'
import { goJsonText } from './go-json.ts'
import type { OperationResult, SerializedJson } from './respond.ts'

/** A rendered answer and the revision it was rendered at. */
interface CachedAnswer {
  revision: string
  json: SerializedJson
}

/** Bounds per registry: big discovery answers are what the cache is for, so count bytes. */
const MAX_ENTRIES = 256
const MAX_BYTES = 32 * 1024 * 1024

const encoder = new TextEncoder()

const caches = new WeakMap<Registry, Map<string, CachedAnswer>>()
const sizes = new WeakMap<Map<string, CachedAnswer>, number>()

/**
 * Answers a revisioned read from its last rendering while the revision is unchanged. The read
 * still runs (it may record a dependency, and it checks the revision), but with the cached
 * revision as `rev`, so an unchanged result costs neither the copies of every instance nor the
 * JSON serialisation. Sound because the registry itself vouches that one query at one revision
 * has one content: that is what lets it answer a client's `rev` with 304. A client's own `rev`
 * bypasses the cache.
 * @example
 * return cachedRead(registry, key, (rev) => registry.findInstances(ctx, rev ? { ...q, rev } : q))
 */
export async function cachedRead(
  registry: Registry,
  key: string,
  read: (rev: string | undefined) => Promise<Revisioned<unknown>> | Revisioned<unknown>,
): Promise<OperationResult> {
  const cache = cacheOf(registry)
  const cached = cache.get(key)
  const result = await read(cached?.revision)
  const headers = { 'X-Resource-Revision': result.revision }
  if (cached && result.notModified) {
    // Most recently used goes last, so eviction takes the oldest first.
    cache.delete(key)
    cache.set(key, cached)
    return { json: cached.json, headers }
  }
  const text = goJsonText(result.value)
  const json = { text, utf8: encoder.encode(text) }
  store(cache, key, { revision: result.revision, json })
  return { json, headers }
}

function cacheOf(registry: Registry): Map<string, CachedAnswer> {
  let cache = caches.get(registry)
  if (!cache) {
    cache = new Map()
    caches.set(registry, cache)
    sizes.set(cache, 0)
  }
  return cache
}

function store(cache: Map<string, CachedAnswer>, key: string, answer: CachedAnswer): void {
  let size = sizes.get(cache) ?? 0
  const previous = cache.get(key)
  if (previous) {
    cache.delete(key)
    size -= weightOf(previous)
  }
  if (weightOf(answer) > MAX_BYTES) {
    sizes.set(cache, size)
    return
  }
  cache.set(key, answer)
  size += weightOf(answer)
  for (const [oldest, entry] of cache) {
    if (cache.size <= MAX_ENTRIES && size <= MAX_BYTES) break
    cache.delete(oldest)
    size -= weightOf(entry)
  }
  sizes.set(cache, size)
}

/** The text (one byte per character for ASCII JSON) plus its encoding. */
function weightOf(answer: CachedAnswer): number {
  return answer.json.text.length + answer.json.utf8.byteLength
}
