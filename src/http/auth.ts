import { RegistryError } from '../registry/errors.ts'
import type { Registry } from '../registry/index.ts'
import type { Interceptor } from './operation.ts'
import { errorResponse } from './respond.ts'

/** Operations Service Center serves without a token even when RBAC is on (reference §1.2). */
const OPEN_OPERATIONS = new Set([
  'createToken',
  'getVersion',
  'getHealth',
  'getRootVersion',
  'getRootHealth',
])

const REFUSALS = {
  invalid: ['401201', 'The token is not one this registry issued.'],
  expired: ['401205', 'The token has expired; request a new one at POST /v4/token.'],
  'account-deleted': ['401206', 'The account the token was issued to no longer exists.'],
} as const

/**
 * What a caller asks to do: a registry operation, a control API call or a websocket, named by
 * `operationId` (the control API's from spec/cse-mock-control.yaml, the websockets' from the
 * registry spec) with the HTTP method and path.
 */
export interface AccessRequest {
  operationId: string
  method: string
  path: string
}

/**
 * The one place a request's credentials are judged, for registry calls, the control API and
 * the websockets alike: `undefined` when the call may proceed, else the registry error to
 * answer. Without accounts everything is allowed; with them a bearer token from
 * `POST /v4/token` is needed (401204 without a header, 401201 for a malformed or foreign token,
 * 401205 once it expired, 401206 when its account is gone).
 * @example
 * const refusal = checkAuthorization(registry, request.headers.get('authorization'), { operationId: 'getSnapshot', method: 'GET', path: '/__cse-mock/snapshot' })
 */
export function checkAuthorization(
  registry: Registry,
  authorization: string | null | undefined,
  access: AccessRequest,
): RegistryError | undefined {
  if (!registry.requiresAuth || OPEN_OPERATIONS.has(access.operationId)) return undefined
  if (!authorization) return new RegistryError('401204', 'Send Authorization: Bearer <token>.')
  const match = /^Bearer\s+(\S+)$/i.exec(authorization)
  const outcome = match?.[1] ? registry.checkToken(match[1]) : 'invalid'
  if (outcome === 'valid') return undefined
  const [code, detail] = REFUSALS[outcome]
  return new RegistryError(code, detail)
}

/**
 * Requires a bearer token from `POST /v4/token` on registry calls when the mock has accounts
 * (see `checkAuthorization`).
 * @example
 * const interceptors = [requests.interceptor, createAuthInterceptor(registry), faults.interceptor]
 */
export function createAuthInterceptor(registry: Registry): Interceptor {
  return (call, next) => {
    if (!registry.requiresAuth) return next()
    const refusal = checkAuthorization(registry, call.request.headers.get('authorization'), {
      operationId: call.operationId,
      method: call.method,
      path: call.url.pathname,
    })
    return refusal ? Promise.resolve(errorResponse(refusal)) : next()
  }
}
