import type { RegistryClientOptions } from '../client/options.ts'
import { ContractError } from '../errors.ts'
import { createEndpointTarget } from './endpoint-target.ts'
import { setupMockTarget } from './mock-target.ts'
import { startServerTarget } from './server-target.ts'
import type { ContractTarget } from './target.ts'

/**
 * Builds the target the environment asks for: `CSE_ENDPOINT` (with `CSE_PROJECT`,
 * `CSE_DOMAIN`, `CSE_TOKEN` or `CSE_USER`/`CSE_PASSWORD`, `CSE_CA_FILE`, `CSE_INSECURE=1`) for
 * a live registry, `CSE_TARGET=server` for the standalone server, else the in-process mock.
 * @example
 * const target = await targetFromEnv(process.env)
 */
export async function targetFromEnv(env: NodeJS.ProcessEnv): Promise<ContractTarget> {
  if (env.CSE_ENDPOINT) return createEndpointTarget(clientFromEnv(env, env.CSE_ENDPOINT))
  const kind = env.CSE_TARGET ?? 'mock'
  if (kind === 'server') return startServerTarget()
  if (kind === 'mock') return setupMockTarget()
  throw new ContractError(
    'ERR_TARGET',
    `Failed to choose a target: CSE_TARGET="${kind}" is not a target. Use mock or server, or set CSE_ENDPOINT.`,
  )
}

/**
 * The client options of a live registry from `CSE_PROJECT`, `CSE_DOMAIN`, `CSE_TOKEN`,
 * `CSE_USER`, `CSE_PASSWORD`, `CSE_CA_FILE` and `CSE_INSECURE=1`.
 * @example
 * clientFromEnv({ CSE_DOMAIN: 'shop' }, 'http://127.0.0.1:30100') // { baseUrl, domain: 'shop' }
 */
export function clientFromEnv(env: NodeJS.ProcessEnv, baseUrl: string): RegistryClientOptions {
  const options: RegistryClientOptions = { baseUrl }
  if (env.CSE_PROJECT) options.project = env.CSE_PROJECT
  if (env.CSE_DOMAIN) options.domain = env.CSE_DOMAIN
  if (env.CSE_TOKEN) options.token = env.CSE_TOKEN
  if (env.CSE_USER) options.user = env.CSE_USER
  if (env.CSE_PASSWORD) options.password = env.CSE_PASSWORD
  if (env.CSE_CA_FILE) options.caFile = env.CSE_CA_FILE
  if (env.CSE_INSECURE === '1') options.insecure = true
  return options
}
