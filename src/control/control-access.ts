import { checkAuthorization } from '../http/auth.ts'
import { errorResponse } from '../http/respond.ts'
import { RegistryError } from '../registry/errors.ts'
import type { Registry } from '../registry/index.ts'

/**
 * Control reads any valid token may make: they show neither registry data nor secrets. Every
 * other call changes state, or shows the registry across tenants (beyond what a role limited by
 * labels may read), password hashes (the snapshot) or other callers' tokens and passwords (the
 * request log and the event stream carry captured requests).
 */
const TOKEN_ONLY = new Set(['getClock', 'getProfile', 'listFaults'])

/**
 * Which accounts a control operation admits with RBAC on: `none` (the inspector's page and
 * files), `token` (any valid token) or `admin` (an account whose roles grant everything).
 * @example
 * controlAccessOf('reset') // 'admin'
 */
export function controlAccessOf(operationId: string): 'none' | 'token' | 'admin' {
  if (operationId === 'getInspectorPage' || operationId === 'getInspectorFile') return 'none'
  return TOKEN_ONLY.has(operationId) ? 'token' : 'admin'
}

/**
 * The registry's answer refusing a control call, or `undefined` when it may go on: with RBAC on
 * a valid token (401204, 401201, 401205, 401206 as for registry calls), and for most calls an
 * account whose roles grant everything, as `admin` does (403205 otherwise).
 * @example
 * const refused = await refuseControlCall(mock.registry, 'reset', request)
 * if (refused) return refused
 */
export async function refuseControlCall(
  registry: Registry,
  operationId: string,
  request: Request,
): Promise<Response | undefined> {
  const access = controlAccessOf(operationId)
  if (access === 'none') return undefined
  const authorization = request.headers.get('authorization')
  const refusal = await checkAuthorization(registry, authorization, {
    operationId,
    method: request.method,
    path: new URL(request.url).pathname,
  })
  if (refusal) return errorResponse(refusal)
  const { rbac } = registry
  if (!rbac || access === 'token') return undefined
  const caller = await rbac.authenticate(authorization)
  if (rbac.isAdministrator(caller)) return undefined
  return errorResponse(
    new RegistryError(
      '403205',
      `role has no permissions[cse-mock:${operationId}]: the control API needs a role granting everything, as admin does`,
    ),
  )
}
