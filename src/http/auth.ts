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
 * Requires a bearer token from `POST /v4/token` on registry calls when the mock has accounts,
 * answering 401204 without a header, 401201 for a malformed or foreign token, 401205 once it
 * expired and 401206 when its account is gone.
 * @example
 * const interceptors = [requests.interceptor, createAuthInterceptor(registry), faults.interceptor]
 */
export function createAuthInterceptor(registry: Registry): Interceptor {
  return (call, next) => {
    if (!registry.requiresAuth || OPEN_OPERATIONS.has(call.operationId)) return next()
    const header = call.request.headers.get('authorization')
    if (!header) {
      return Promise.resolve(
        errorResponse(new RegistryError('401204', 'Send Authorization: Bearer <token>.')),
      )
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header)
    const outcome = match?.[1] ? registry.checkToken(match[1]) : 'invalid'
    if (outcome === 'valid') return next()
    const [code, detail] = REFUSALS[outcome]
    return Promise.resolve(errorResponse(new RegistryError(code, detail)))
  }
}
