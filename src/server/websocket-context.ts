import type { IncomingMessage } from 'node:http'
import { RegistryError } from '../registry/errors.ts'
import type { RequestContext } from '../registry/index.ts'

/**
 * The tenant of a websocket upgrade, read the way the HTTP handlers read it: the domain from
 * `X-Domain-Name` (or `default`), the project from the path.
 * @example
 * websocketContext(req, 'default') // { domain: 'default', project: 'default' }
 */
export function websocketContext(req: IncomingMessage, project: string): RequestContext {
  const header = req.headers['x-domain-name']
  const domain = (Array.isArray(header) ? header[0] : header) || 'default'
  return { domain, project }
}

/**
 * The text a registry error shows on a websocket: its detail, else its fixed message, as
 * Service Center writes `err.Error()` into the frame.
 * @example
 * errorText(new RegistryError('400012', 'Consumer does not exist.')) // 'Consumer does not exist.'
 */
export function errorText(error: unknown): string {
  if (error instanceof RegistryError) return error.detail || error.errorMessage
  return error instanceof Error ? error.message : String(error)
}

/** RFC 6455 §5.5: a close frame carries at most 125 bytes, two of them the code. */
const MAX_CLOSE_REASON_BYTES = 123

/**
 * Shortens a text to fit a websocket close frame: at most 123 bytes of UTF-8, cut at a
 * character boundary. `ws` throws on a longer reason, and a path parameter echoed in the
 * reason can be any length and any script.
 * @example
 * closeReason('中'.repeat(100)) // 41 characters, 123 bytes
 */
export function closeReason(text: string): string {
  if (Buffer.byteLength(text) <= MAX_CLOSE_REASON_BYTES) return text
  let bytes = 0
  let end = 0
  for (const char of text) {
    const size = Buffer.byteLength(char)
    if (bytes + size > MAX_CLOSE_REASON_BYTES) break
    bytes += size
    end += char.length
  }
  return text.slice(0, end)
}
