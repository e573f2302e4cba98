import { RegistryError } from '../registry/errors.ts'

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
  const declared = Number(request.headers.get('content-length'))
  if (declared > maxBytes) throw tooLarge(maxBytes, declared)
  const bytes = new Uint8Array(await request.arrayBuffer())
  if (bytes.byteLength > maxBytes) {
    throw tooLarge(maxBytes, bytes.byteLength)
  }
  const text = new TextDecoder().decode(bytes)
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
