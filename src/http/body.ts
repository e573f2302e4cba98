import { RegistryError } from '../registry/errors.ts'

const decoder = new TextDecoder()

/** Service Center's `server.request.maxBodyBytes` default (reference §1.3). */
export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024

/**
 * Reads a JSON request body the way the registry does: no body is `undefined`, a body over the
 * limit or one that is not JSON is 400001.
 * @example
 * const body = await readJsonBody(request, 5 * 1024)
 */
export async function readJsonBody(
  request: Request,
  maxBytes = DEFAULT_MAX_BODY_BYTES,
): Promise<unknown> {
  if (request.method === 'GET' || request.method === 'HEAD' || !request.body) return undefined
  checkDeclaredLength(request.headers.get('content-length'), maxBytes)
  return parseJsonBody(new Uint8Array(await request.arrayBuffer()), maxBytes)
}

/**
 * Refuses a body whose declared `Content-Length` is over the limit, before reading it.
 * @example
 * checkDeclaredLength(request.headers.get('content-length'), 5 * 1024)
 */
export function checkDeclaredLength(declared: string | null | undefined, maxBytes: number): void {
  const length = Number(declared)
  if (length > maxBytes) throw tooLarge(maxBytes, length)
}

/**
 * Parses the bytes of a body that has been read: over the limit or not JSON is 400001, blank
 * is `undefined`.
 * @example
 * parseJsonBody(new TextEncoder().encode('{"a":1}'), 5 * 1024) // { a: 1 }
 */
export function parseJsonBody(bytes: Uint8Array, maxBytes = DEFAULT_MAX_BODY_BYTES): unknown {
  if (bytes.byteLength > maxBytes) {
    throw tooLarge(maxBytes, bytes.byteLength)
  }
  const text = decoder.decode(bytes)
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new RegistryError('400001', `Unmarshal error: ${(error as Error).message}`)
  }
}

function tooLarge(limit: number, size: number) {
  return new RegistryError(
    '400001',
    `http: request body too large (limit ${limit} bytes, got ${size})`,
  )
}
