import type { RegistryClientOptions } from '../contract/client/options.ts'
import { clientFromEnv } from '../contract/targets/target-from-env.ts'
import { type FlagSpec, integerFlag, type ParsedFlags, textFlag as text } from './flags.ts'
import { CliUsageError } from './usage-error.ts'

/**
 * The flags that name the tenant and how to sign in and trust a live registry: project, domain,
 * token or user and password, CA file and `--insecure`.
 * @example
 * const flags = [text('endpoint', 'URL', 'The registry'), ...TENANT_FLAGS]
 */
export const TENANT_FLAGS: readonly FlagSpec[] = [
  { ...text('project', 'P', 'Project path segment'), default: 'default' },
  text('domain', 'D', 'Tenant domain, sent as X-Domain-Name'),
  text('token', 'T', 'Bearer token for engines with security authentication'),
  text('user', 'U', 'Account to exchange for a token at POST /v4/token (with --password)'),
  text('password', 'P', 'Password of --user'),
  text('ca-file', 'F', 'PEM file of a private certificate authority'),
  {
    name: 'insecure',
    type: 'boolean',
    description: 'Accept any TLS certificate (test registries only)',
  },
]

/**
 * The flags that say how to reach a live registry, as `cse-mock verify` takes them: endpoint,
 * tenant, credentials, TLS, rate and timeout.
 * @example
 * const flags = [...LIVE_CLIENT_FLAGS, { name: 'help', type: 'boolean', description: 'Show this help' }]
 */
export const LIVE_CLIENT_FLAGS: readonly FlagSpec[] = [
  {
    ...text('endpoint', 'URL', 'The live registry, e.g. https://cse.example.com:30100'),
    default: 'CSE_ENDPOINT',
  },
  ...TENANT_FLAGS,
  { ...text('rate', 'N', 'Requests per second, 0 for no bound'), default: '20' },
  { ...text('timeout', 'MS', 'Abort a request after this many milliseconds'), default: '30000' },
]

/**
 * Reads the live-client flags into client options, with the `CSE_*` variables (as for the
 * tests and `verify`) filling in when `--endpoint` is not given. `--rate 0` leaves the rate
 * unbounded; contradictory credentials or TLS settings are usage errors.
 * @example
 * readLiveClientFlags(parseFlags(LIVE_CLIENT_FLAGS, ['--endpoint', 'http://127.0.0.1:30100']), {}, { rate: 20, timeoutMs: 30_000 })
 */
export function readLiveClientFlags(
  flags: ParsedFlags,
  env: NodeJS.ProcessEnv,
  defaults: { rate: number; timeoutMs: number },
): RegistryClientOptions {
  const flagEndpoint = str(flags.endpoint)
  const endpoint = flagEndpoint ?? (env.CSE_ENDPOINT || undefined)
  if (endpoint === undefined) {
    throw new CliUsageError('--endpoint is required (or set CSE_ENDPOINT)')
  }
  if (!/^https?:\/\/[^/]+/.test(endpoint)) {
    throw new CliUsageError(`--endpoint must be an http(s) URL; got '${endpoint}'`)
  }
  const options: RegistryClientOptions = {
    ...(flagEndpoint === undefined ? clientFromEnv(env, endpoint) : {}),
    baseUrl: endpoint,
  }
  copyTenantAndCredentials(flags, options)
  const rateFlag = str(flags.rate)
  const rate = rateFlag === undefined ? defaults.rate : integerFlag('rate', rateFlag, 0, 10_000)
  if (rate > 0) options.maxRequestsPerSecond = rate
  const timeout = str(flags.timeout)
  options.timeoutMs =
    timeout === undefined ? defaults.timeoutMs : integerFlag('timeout', timeout, 1, 3_600_000)
  checkAuth(options)
  return options
}

/** Refuses contradictory credentials and TLS settings, wherever they came from. */
function checkAuth(client: RegistryClientOptions) {
  if (client.token !== undefined && (client.user !== undefined || client.password !== undefined)) {
    throw new CliUsageError('--token excludes --user and --password')
  }
  if ((client.user === undefined) !== (client.password === undefined)) {
    throw new CliUsageError('--user and --password go together')
  }
  if (client.caFile !== undefined && client.insecure) {
    throw new CliUsageError('--ca-file and --insecure exclude each other')
  }
}

function str(value: ParsedFlags[string]): string | undefined {
  return typeof value === 'string' ? value : undefined
}

const TENANT_AND_CREDENTIAL_FLAGS = [
  ['project', 'project'],
  ['domain', 'domain'],
  ['token', 'token'],
  ['user', 'user'],
  ['password', 'password'],
  ['ca-file', 'caFile'],
] as const

/**
 * Copies the tenant, credential and TLS flags that were given onto client options, as every
 * command that reaches a live registry reads them.
 * @example
 * copyTenantAndCredentials(flags, options)
 */
export function copyTenantAndCredentials(
  flags: ParsedFlags,
  options: Partial<RegistryClientOptions>,
): void {
  for (const [flag, key] of TENANT_AND_CREDENTIAL_FLAGS) {
    const value = flags[flag]
    if (typeof value === 'string') options[key] = value
  }
  if (flags.insecure) options.insecure = true
}
