import type { RegistryClientOptions } from '../client/options.ts'
import type { ContractTarget } from './target.ts'

/**
 * Requests per second on a live registry unless told otherwise.
 * @example
 * createEndpointTarget({ baseUrl }).client.maxRequestsPerSecond // LIVE_DEFAULT_RATE
 */
export const LIVE_DEFAULT_RATE = 20

/**
 * A live registry that has not answered within this many milliseconds fails the request.
 * @example
 * createEndpointTarget({ baseUrl }).client.timeoutMs // LIVE_DEFAULT_TIMEOUT_MS
 */
export const LIVE_DEFAULT_TIMEOUT_MS = 30_000

/**
 * Reads a live registry gets to show a write: Service Center's caches lag (about 0.25 s for
 * writes with an external etcd, much longer for deletes with the embedded one).
 * @example
 * createContractRun({ target: { client: { baseUrl }, settle: LIVE_SETTLE } })
 */
export const LIVE_SETTLE = { attempts: 8, delayMs: 250 } as const

/**
 * Describes a live registry (CSE or Service Center) as a target. Unless the options say
 * otherwise, requests are bounded to 20 per second and time out after 30 s.
 * @example
 * const target = createEndpointTarget({ baseUrl: 'https://cse.example.com', domain: 'shop', token })
 */
export function createEndpointTarget(client: RegistryClientOptions): ContractTarget {
  return {
    kind: 'endpoint',
    client: {
      maxRequestsPerSecond: LIVE_DEFAULT_RATE,
      timeoutMs: LIVE_DEFAULT_TIMEOUT_MS,
      ...client,
    },
    settle: LIVE_SETTLE,
    description: `live registry ${client.baseUrl} (project ${client.project ?? 'default'}${client.domain ? `, domain ${client.domain}` : ''})`,
    close: async () => {},
  }
}
