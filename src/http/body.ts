import { RegistryError } from '../registry/errors.ts'
import { goJsonSyntaxError } from './go-json-error.ts'
import { readLimited } from './read-limited.ts'

/**
 * A body that is not JSON: 400001 with Go's decoder message, which an operation may replace by
 * the fixed text its Service Center handler answers with (`Unmarshal error`).
 * @example
 * throw new BodySyntaxError('unexpected end of JSON input')
 */
export class BodySyntaxError extends RegistryError {
  constructor(detail: string) {
    super('400001', detail)
  }
}

const decoder = new TextDecoder()

/** Service Center's `server.request.maxBodyBytes` default (reference §1.3). */
export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024

/**
 * Reads a JSON request body the way the registry does: no body is `undefined`, a body over the
 * limit or one that is not JSON is 400001. The limit holds while the body streams in.
 * @example
 * const body = await readJsonBody(request, 5 * 1024)
 */
export async function readJsonBody(
  request: Request,
  maxBytes = DEFAULT_MAX_BODY_BYTES,
): Promise<unknown> {
  if (request.method === 'GET' || request.method === 'HEAD' || !request.body) return undefined
  checkDeclaredLength(request.headers.get('content-length'), maxBytes)
  return parseJsonBody(await readLimited(request.body, maxBytes, bodyTooLarge(maxBytes)), maxBytes)
}

/**
 * Refuses a body whose declared `Content-Length` is over the limit, before reading it.
 * @example
 * checkDeclaredLength(request.headers.get('content-length'), 5 * 1024)
 */
export function checkDeclaredLength(declared: string | null | undefined, maxBytes: number): void {
  const length = Number(declared)
  if (length > maxBytes) throw tooLarge()
}

/**
 * Parses the bytes of a body that has been read: over the limit or not JSON is 400001, blank
 * is `undefined`.
 * @example
 * parseJsonBody(new TextEncoder().encode('{"a":1}'), 5 * 1024) // { a: 1 }
 */
export function parseJsonBody(bytes: Uint8Array, maxBytes = DEFAULT_MAX_BODY_BYTES): unknown {
  if (bytes.byteLength > maxBytes) {
    throw tooLarge()
  }
  const text = decoder.decode(bytes)
  if (text.trim() === '') return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new BodySyntaxError(goJsonSyntaxError(text))
  }
  lastParsed = parsed
  lastSource = text
  return parsed
}

// The last body parsed and its text, for the caller that awaits it (see `takeJsonSource`): one
// slot, not a WeakMap, which cost the garbage collector an ephemeron per request.
let lastParsed: unknown
let lastSource: string | undefined

/**
 * The JSON text `parseJsonBody` decoded `value` from, when it is the last value it returned;
 * `undefined` otherwise. The text cannot change, so it tells what the client sent even if the
 * value were changed later. Taken once: the slot is cleared.
 * @example
 * const body = await incoming.json(); const text = takeJsonSource(body)
 */
export function takeJsonSource(value: unknown): string | undefined {
  if (value === undefined || value !== lastParsed) return undefined
  const source = lastSource
  lastParsed = undefined
  lastSource = undefined
  return source
}

/**
 * The 400001 of a body past the limit, for a reader that counts as it goes.
 * @example
 * await readNodeLimited(req, maxBytes, bodyTooLarge(maxBytes))
 */
export function bodyTooLarge(_limit: number): (bytesSeen: number) => RegistryError {
  return () => tooLarge()
}

/** Go's `MaxBytesReader` error, word for word, as Service Center passes it on. */
function tooLarge() {
  return new RegistryError('400001', 'http: request body too large')
}
