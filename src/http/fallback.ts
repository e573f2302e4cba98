import { type HttpHandler, http } from 'msw'
import type { Registry } from '../registry/index.ts'
import type { OperationDefinition } from './operation.ts'
import { allowedMethods } from './operations.ts'
import { GO_ERROR_HEADERS, textResponse } from './respond.ts'

/**
 * The answer for requests no operation takes: 405 with `Allow` when the path exists under
 * another method, else Go's plain-text 404 (reference §1.5). The bodies end in a newline, as
 * Go's `http.Error` writes them.
 * @example
 * fallbackResponse('/v4/default/registry/version') // 405, Allow: GET (asked with a method it lacks)
 */
export function fallbackResponse(
  pathname: string,
  present?: (operation: OperationDefinition) => boolean,
): Response {
  const allowed = allowedMethods(pathname, present)
  if (allowed.length > 0) {
    return textResponse(405, 'Method Not Allowed\n', {
      ...GO_ERROR_HEADERS,
      Allow: [...allowed].sort(byMethodOrder).join(', '),
    })
  }
  return textResponse(404, '404 page not found\n', GO_ERROR_HEADERS)
}

/** The order Service Center's answers showed (`GET, POST, DELETE`); Go's map order is not fixed. */
const METHOD_ORDER = ['GET', 'POST', 'PUT', 'DELETE']

function byMethodOrder(a: string, b: string): number {
  return METHOD_ORDER.indexOf(a) - METHOD_ORDER.indexOf(b)
}

/**
 * The catch-all handler placed after every operation: for any origin, everything under `/v4`;
 * for an explicit origin, every path of it, as Service Center answers them all.
 * @example
 * const handler = createFallbackHandler('*')
 */
export function createFallbackHandler(baseUrl: string, registry?: Registry): HttpHandler {
  const pattern = baseUrl === '*' ? '*/v4/*' : `${baseUrl}/*`
  // A route the registry does not have (`/v4/token` without RBAC) is a 404 for every method.
  const present = registry && ((operation: OperationDefinition) => !operation.absent?.(registry))
  return http.all(pattern, ({ request }) =>
    fallbackResponse(new URL(request.url).pathname, present),
  )
}
