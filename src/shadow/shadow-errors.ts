/** A registry error answer the proxy gives itself: status, and the registry's envelope. */
export interface ShadowRefusal {
  status: number
  body: { errorCode: string; errorMessage: string; detail: string }
}

const REGISTRY_PATH = /^\/v4\/[^/]+\/(registry|govern)\//
const BATCH_FIND = /^\/v4\/[^/]+\/registry\/instances\/action$/

/**
 * Whether `--shadow-read-only` refuses a request: POST, PUT, PATCH and DELETE on registry
 * paths change the registry, except the token login (`POST /v4/token`) and batch find
 * (`POST …/instances/action?type=query`), which only read.
 * @example
 * refusesWrite('PUT', '/v4/default/registry/microservices/abc/properties', '') // true
 */
export function refusesWrite(method: string, pathname: string, search: string): boolean {
  if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(method.toUpperCase())) return false
  if (!REGISTRY_PATH.test(pathname)) return false
  if (BATCH_FIND.test(pathname) && new URLSearchParams(search).get('type') === 'query') return false
  return true
}

/**
 * What a refused write gets: 403 `403001` (`ErrForbidden`), the code Service Center answers
 * when its own configuration forbids an edit (schema editing disabled). The request is valid
 * and its credentials are not in question, so neither 400 nor 401 fits.
 * @example
 * readOnlyRefusal('DELETE', '/v4/default/registry/microservices/abc').status // 403
 */
export function readOnlyRefusal(method: string, path: string): ShadowRefusal {
  return {
    status: 403,
    body: {
      errorCode: '403001',
      errorMessage: 'Forbidden',
      detail: `shadow mode is read-only: ${method} ${path} was not sent to the live registry`,
    },
  }
}

/**
 * What the client gets when the live registry does not answer (refused, reset, timed out):
 * 500 `500011` (`ErrUnavailableBackend`, "Registry service is unavailable"), Service Center's
 * own code for a backend it cannot reach, which Service Center clients treat as a server-side
 * failure and retry elsewhere.
 * @example
 * liveUnreachable('connect ECONNREFUSED 127.0.0.1:30100').body.errorCode // '500011'
 */
export function liveUnreachable(reason: string): ShadowRefusal {
  return {
    status: 500,
    body: {
      errorCode: '500011',
      errorMessage: 'Registry service is unavailable',
      detail: `shadow mode: the live registry did not answer: ${reason}`,
    },
  }
}
