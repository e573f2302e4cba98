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
