import type { RegistryClientOptions } from '../client/options.ts'
import type { SettleOptions } from '../framework/scenario.ts'

/**
 * Which kind of registry a run talks to.
 * @example
 * const kind: TargetKind = process.env.CSE_ENDPOINT ? 'endpoint' : 'mock'
 */
export type TargetKind = 'mock' | 'server' | 'endpoint'

/**
 * A registry ready for a run: how to reach it, and how to let it go afterwards.
 * @example
 * const target: ContractTarget = createEndpointTarget({ baseUrl: 'http://127.0.0.1:30100' })
 * await target.close()
 */
export interface ContractTarget {
  kind: TargetKind
  /** Client options for this target (base URL, tenant, credentials, TLS, rate). */
  client: RegistryClientOptions
  /** How long reads may lag behind writes here; absent means they never do. */
  settle?: SettleOptions
  /** Whether the target serves the websocket operations (the in-process mock does not). */
  websockets?: boolean
  /** One line for the terminal, e.g. `in-process mock (profile cse)`. */
  description: string
  /** Stops what the target started (msw interception, a child process); idempotent. */
  close(): Promise<void>
}
