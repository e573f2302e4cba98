import { RegistryError } from '../registry/errors.ts'
import type { Registry } from '../registry/index.ts'
import { accessOf, type Caller } from '../registry/rbac/index.ts'
import { type ScopeRequest, scopeOf } from './auth-scope.ts'
import { filterServices } from './label-filter.ts'
import type { Interceptor, OperationCall } from './operation.ts'
import { findOperation, OPERATIONS } from './operations.ts'
import { errorResponse } from './respond.ts'

/**
 * A request as the auth check reads it. `pattern` is the route (`/v4/:project/registry/...`);
 * without one only the token is checked, as for the mock's own control API.
 * @example
 * const request: AuthRequest = { method: 'GET', header: (name) => headers.get(name) }
 */
export interface AuthRequest extends Partial<Omit<ScopeRequest, 'method' | 'header'>> {
  method: string
  header(name: string): string | null
}

/**
 * The inspector's page and scripts stay open with RBAC on: they carry no registry data, and a
 * browser opening the page cannot send a bearer token (the calls it makes for data are not open).
 */
const OPEN_OPERATIONS = new Set(['getInspectorPage', 'getInspectorFile'])

/**
 * Service Center's auth check for one request: `undefined` when RBAC is off or the route is
 * open (token, version, health), the caller when the token is good and its roles allow the
 * call, else the RegistryError to answer (401204, 401201, 401205, 401206, 403205).
 * @example
 * const outcome = await authorize(registry, { method: 'GET', pattern: '/v4/:project/registry/microservices', header: (n) => request.headers.get(n) })
 * if (outcome instanceof RegistryError) return errorResponse(outcome)
 */
export async function authorize(
  registry: Registry,
  request: AuthRequest,
): Promise<Caller | RegistryError | undefined> {
  const { rbac } = registry
  if (!rbac) return undefined
  const access = request.pattern === undefined ? 'token' : accessOf(request.pattern)
  if (access === 'open') return undefined
  try {
    const caller = await rbac.authenticate(request.header('authorization'))
    if (access === 'permission' && !rbac.isAdmin(caller)) {
      const scope = await scopeOf(
        {
          method: request.method,
          pattern: request.pattern ?? '',
          params: request.params ?? {},
          query: request.query ?? new URLSearchParams(),
          header: (name) => request.header(name),
          body: request.body ?? (() => Promise.resolve(undefined)),
          ctx: request.ctx ?? {
            domain: request.header('x-domain-name') || 'default',
            project: request.params?.project ?? 'default',
          },
        },
        registry,
      )
      const labels = rbac.authorize(caller, scope)
      if (labels.length > 0) return { ...caller, labels }
    }
    return caller
  } catch (error) {
    if (error instanceof RegistryError) return error
    throw error
  }
}

/**
 * What a caller asks to do: a registry operation, a control API call or a websocket, named by
 * `operationId` (the control API's from spec/cse-mock-control.yaml, the websockets' from the
 * registry spec) with the HTTP method and path. `header` gives the other request headers
 * (`X-Domain-Name`, `X-ConsumerId`) the permission check may read.
 * @example
 * const access: AccessRequest = { operationId: 'getSnapshot', method: 'GET', path: '/__cse-mock/snapshot' }
 */
export interface AccessRequest {
  operationId: string
  method: string
  path: string
  header?: (name: string) => string | null
}

/**
 * The one place a request's credentials are judged, for registry calls, the control API and
 * the websockets alike: `undefined` when the call may proceed, else the registry error to
 * answer (see `authorize`). A registry operation gets Service Center's full check; any other
 * `operationId` (the control API) needs a valid token of an existing account.
 * @example
 * const refusal = await checkAuthorization(registry, request.headers.get('authorization'), { operationId: 'getSnapshot', method: 'GET', path: '/__cse-mock/snapshot' })
 */
export async function checkAuthorization(
  registry: Registry,
  authorization: string | null | undefined,
  access: AccessRequest,
): Promise<RegistryError | undefined> {
  if (!registry.requiresAuth || OPEN_OPERATIONS.has(access.operationId)) return undefined
  const pattern = PATTERNS.get(access.operationId)
  const url = new URL(access.path, 'http://registry')
  const route = pattern === undefined ? undefined : findOperation(access.method, url.pathname)
  const header = (name: string) =>
    name.toLowerCase() === 'authorization'
      ? (authorization ?? null)
      : (access.header?.(name) ?? null)
  const params = route?.params ?? {}
  const outcome = await authorize(registry, {
    method: access.method,
    header,
    ...(pattern === undefined
      ? {}
      : {
          pattern,
          params,
          query: url.searchParams,
          ctx: {
            domain: header('x-domain-name') || 'default',
            project: params.project ?? 'default',
          },
        }),
  })
  return outcome instanceof RegistryError ? outcome : undefined
}

const WEBSOCKET_OPERATIONS = new Set(['watch', 'heartbeatWebSocket'])

const PATTERNS = new Map(OPERATIONS.map((operation) => [operation.operationId, operation.path]))

/**
 * The auth interceptor of the registry's handlers: runs `authorize` on every call and answers
 * its refusal, or records the caller in the call's context for the account operations.
 * @example
 * const interceptors = [requests.interceptor, createAuthInterceptor(registry), faults.interceptor]
 */
export function createAuthInterceptor(registry: Registry): Interceptor {
  return async (call, next) => {
    if (!registry.rbac || OPEN_OPERATIONS.has(call.operationId)) return next()
    const outcome = await authorize(registry, authRequestOf(call))
    if (outcome instanceof RegistryError) {
      // Service Center's websocket routes answer a failed auth check with a bodiless 200.
      if (WEBSOCKET_OPERATIONS.has(call.operationId)) {
        return new Response(null, { status: 200, headers: { 'Content-Length': '0' } })
      }
      return errorResponse(outcome)
    }
    if (!outcome) return next()
    call.ctx.caller = outcome
    // Service Center filters only this list by the labels that allowed it (its filters for the
    // consumer and provider lists are registered against the other response type).
    if (outcome.labels && call.operationId === 'listServices') {
      return filterServices(await next(), outcome.labels)
    }
    return next()
  }
}

function authRequestOf(call: OperationCall): AuthRequest {
  return {
    method: call.method,
    pattern: PATTERNS.get(call.operationId) ?? call.url.pathname,
    params: call.params,
    query: call.url.searchParams,
    header: (name) => call.header(name),
    body: async () => {
      const text = await call.request.clone().text()
      return text.trim() === '' ? undefined : JSON.parse(text)
    },
    ctx: call.ctx,
  }
}
