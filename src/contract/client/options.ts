/**
 * How to reach a registry and who to be there.
 * @example
 * const options: RegistryClientOptions = { baseUrl: 'https://cse.example.com', domain: 'shop', caFile: 'ca.pem' }
 */
export interface RegistryClientOptions {
  /** Origin of the registry, e.g. `https://cse.example.com:30100` (no `/v4`). */
  baseUrl: string
  /** The `{project}` path segment; default `default`. */
  project?: string
  /** Sent as `X-Domain-Name`; the registry uses `default` when absent. */
  domain?: string
  /** A bearer token, sent as `Authorization: Bearer <token>`. */
  token?: string
  /** With `password`: exchanged once at `POST /v4/token`, then the token is reused. */
  user?: string
  password?: string
  /** Aborts a request that takes longer than this; default: no limit. */
  timeoutMs?: number
  /** PEM file of a custom certificate authority for `https` registries. */
  caFile?: string
  /** Accepts any certificate. Only for test registries with self-signed certificates. */
  insecure?: boolean
  /** Upper bound on requests per second (token bucket); default: unbounded. */
  maxRequestsPerSecond?: number
  /** Sends a request; default: the global `fetch`, looked up at call time (so msw sees it). */
  fetch?: (request: Request) => Promise<Response>
}
