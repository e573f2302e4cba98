/**
 * Service Center's map from API pattern to resource type: exact patterns first, then the
 * first partial pattern the API contains. Patterns use `:name` segments, as the mock's routes do.
 */
const EXACT: Readonly<Record<string, string>> = {
  '/v4/account-locks': 'account',
  '/v4/:project/registry/microservices/:serviceId': 'service',
  '/v4/:project/registry/microservices': 'service',
  '/v4/:project/registry/microservices/:serviceId/properties': 'service',
  '/v4/:project/registry/existence': 'service',
  '/v4/:project/registry/microservices/:providerId/consumers': 'service',
  '/v4/:project/registry/microservices/:consumerId/providers': 'service',
  '/v4/:project/registry/heartbeats': 'service',
  '/v4/:project/registry/microservices/:serviceId/watcher': 'service',
  '/v4/:project/registry/microservices/:serviceId/listwatcher': 'service',
  '/v4/:project/registry/microservices/:serviceId/tags': 'service',
  '/v4/:project/registry/microservices/:serviceId/tags/:key': 'service',
}

const PARTIAL: readonly (readonly [string, string])[] = [
  ['/v4/accounts', 'account'],
  ['/v4/roles', 'role'],
  ['/v1/:project/gov/', 'governance'],
  ['/v4/:project/registry/microservices/:serviceId/schemas', 'service/schema'],
  ['/v4/:project/admin', 'ops'],
  ['instances', 'service'],
  ['/v4/:project/govern', 'service'],
]

/** Calls that need no token at all. */
const OPEN = new Set([
  '/v4/token',
  '/v4/:project/registry/version',
  '/v4/:project/registry/health',
  '/version',
  '/health',
])

/** Calls that need a valid token but no permission: one's own permissions and password. */
const NO_PERMISSION = new Set(['/v4/self-perms', '/v4/accounts/:name/password'])

/**
 * The resource type of an API pattern; `''` for a pattern Service Center maps to none (such
 * calls are refused to every non-admin role).
 * @example
 * resourceOf('/v4/:project/registry/microservices/:serviceId/schemas/:schemaId') // 'service/schema'
 */
export function resourceOf(pattern: string): string {
  const exact = EXACT[pattern]
  if (exact !== undefined) return exact
  for (const [partial, resource] of PARTIAL) if (pattern.includes(partial)) return resource
  return ''
}

/**
 * Whether a call needs a token (`token`), a token and a permission (`permission`), or nothing.
 * @example
 * accessOf('/v4/self-perms') // 'token'
 */
export function accessOf(pattern: string): 'open' | 'token' | 'permission' {
  if (OPEN.has(pattern)) return 'open'
  return NO_PERMISSION.has(pattern) ? 'token' : 'permission'
}
