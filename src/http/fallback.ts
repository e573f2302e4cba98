import { type HttpHandler, http } from 'msw'
import { matchOperation } from './operations.ts'
import { GO_ERROR_HEADERS, textResponse } from './respond.ts'

/**
 * The answer for requests no operation takes: 405 with `Allow` when the path exists under
 * another method, else Go's plain-text 404 (reference §1.5). The bodies end in a newline, as
 * Go's `http.Error` writes them.
 * @example
 * fallbackResponse('PATCH', '/v4/default/registry/version') // 405, Allow: GET
 */
export function fallbackResponse(method: string, pathname: string): Response {
  const { allowed } = matchOperation(method, pathname)
  if (allowed.length > 0) {
    return textResponse(405, 'Method Not Allowed\n', {
      ...GO_ERROR_HEADERS,
      Allow: allowed.join(', '),
    })
  }
  return textResponse(404, '404 page not found\n', GO_ERROR_HEADERS)
}

/**
 * The catch-all handler placed after every operation: for any origin, everything under `/v4`;
 * for an explicit origin, every path of it, as Service Center answers them all.
 * @example
 * const handler = createFallbackHandler('*')
 */
export function createFallbackHandler(baseUrl: string): HttpHandler {
  const pattern = baseUrl === '*' ? '*/v4/*' : `${baseUrl}/*`
  return http.all(pattern, ({ request }) =>
    fallbackResponse(request.method, new URL(request.url).pathname),
  )
}
