import { type HttpHandler, http } from 'msw'
import { matchOperation } from './operations.ts'
import { textResponse } from './respond.ts'

/**
 * The headers Go's `http.Error` puts on these answers: a lower-case `utf-8`, unlike the
 * registry's own empty 200s, and `nosniff` (observed, docs/compatibility.md #34, #35).
 */
export const GO_ERROR_HEADERS = {
  'Content-Type': 'text/plain; charset=utf-8',
  'X-Content-Type-Options': 'nosniff',
}

/**
 * The answer for `/v4` requests no operation takes: 405 with `Allow` when the path exists under
 * another method, else Go's plain-text 404 (reference §1.5).
 * @example
 * fallbackResponse('PATCH', '/v4/default/registry/version') // 405, Allow: GET
 */
export function fallbackResponse(method: string, pathname: string): Response {
  const { allowed } = matchOperation(method, pathname)
  if (allowed.length > 0) {
    return textResponse(405, 'Method Not Allowed', {
      ...GO_ERROR_HEADERS,
      Allow: allowed.join(', '),
    })
  }
  return textResponse(404, '404 page not found', GO_ERROR_HEADERS)
}

/**
 * The catch-all handler placed after every operation.
 * @example
 * const handler = createFallbackHandler('*')
 */
export function createFallbackHandler(baseUrl: string): HttpHandler {
  const pattern = baseUrl === '*' ? '*/v4/*' : `${baseUrl}/v4/*`
  return http.all(pattern, ({ request }) =>
    fallbackResponse(request.method, new URL(request.url).pathname),
  )
}
