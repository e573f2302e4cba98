import type { RegistryClient } from '../contract/client/create-registry-client.ts'
import { ImportError } from './errors.ts'

/**
 * What the import path may call on a client: its GET, and the values that describe it.
 * @example
 * const reader: RegistryReader = createReadOnlyClient(client)
 */
export type RegistryReader = Pick<RegistryClient, 'GET' | 'project' | 'baseUrl' | 'domain'> & {
  /** GET requests sent through this view so far. */
  readonly requests: number
}

const METHODS = new Set(['POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE', 'request'])

/**
 * A view of a registry client that only reads: its `GET` works and is counted, and every other
 * request method (or `request()` with any method) throws `ImportError` `ERR_IMPORT_WRITE`
 * before anything is sent. The import reads a live registry through this view, so a bug can
 * never write to it. The client's own login (`POST /v4/token` for a user and password) is not
 * a request of the view and still happens.
 * @example
 * const reader = createReadOnlyClient(createRegistryClient({ baseUrl }))
 * await reader.POST('/v4/{project}/registry/microservices', …) // throws ERR_IMPORT_WRITE
 */
export function createReadOnlyClient(client: RegistryClient): RegistryReader {
  let requests = 0
  const send = client.GET as (...args: unknown[]) => unknown
  const GET = ((...args: unknown[]) => {
    requests += 1
    return send.apply(client, args)
  }) as RegistryClient['GET']
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'GET') return GET
      if (property === 'requests') return requests
      if (typeof property === 'string' && METHODS.has(property)) {
        return (path: unknown) => {
          throw new ImportError(
            'ERR_IMPORT_WRITE',
            `Failed to send ${property === 'request' ? 'a request' : property} ${String(path)}: the import only reads the registry. Use GET, or a client of your own outside the import.`,
          )
        }
      }
      return Reflect.get(target, property, receiver)
    },
  }) as unknown as RegistryReader
}
