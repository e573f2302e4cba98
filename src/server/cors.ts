import type { IncomingMessage, ServerResponse } from 'node:http'
import { goOrderedHeaders, type HeaderValue, presetHeader } from './go-header-order.ts'

/**
 * Service Center's CORS settings: any origin, these methods and request headers, nothing
 * exposed, no credentials, no max-age. Its interceptor runs on every request before routing.
 */
const ALLOWED_METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'UPDATE'])
const ALLOWED_HEADERS = new Set([
  'Origin',
  'Accept',
  'Content-Type',
  'X-Domain-Name',
  'X-Consumerid',
])

const VARY: readonly string[] = ['Accept-Encoding', 'Origin']

/** What Service Center's access interceptor names itself in every answer. */
const SERVER = 'SERVICECENTER/2.2.0'

/**
 * Applies Service Center's interceptors to a request: every answer carries
 * `Server: SERVICECENTER/2.2.0` and varies by `Accept-Encoding` (its gzip handler) and `Origin`
 * (its CORS interceptor), and a request with an `Origin` and an allowed method gets
 * `Access-Control-Allow-Origin: *`. Any
 * `OPTIONS` request stops there with an empty 200, a preflight with the allow headers it earns;
 * returns true when it answered.
 * @example
 * if (applyCors(req, res)) return
 */
export function applyCors(req: IncomingMessage, res: ServerResponse): boolean {
  const method = (req.method ?? 'GET').toUpperCase()
  const origin = req.headers.origin
  const requestMethod = req.headers['access-control-request-method']
  presetHeader(res, 'Server', SERVER)
  if (method === 'OPTIONS' && requestMethod) {
    res.setHeader('Vary', [
      'Accept-Encoding',
      'Origin',
      'Access-Control-Request-Method',
      'Access-Control-Request-Headers',
    ])
    const requested = headerList(req.headers['access-control-request-headers'])
    if (
      origin &&
      methodAllowed(requestMethod) &&
      requested.every((name) => ALLOWED_HEADERS.has(name))
    ) {
      res.setHeader('Access-Control-Allow-Origin', '*')
      res.setHeader('Access-Control-Allow-Methods', requestMethod.toUpperCase())
      if (requested.length > 0) res.setHeader('Access-Control-Allow-Headers', requested.join(', '))
    }
  } else {
    presetHeader(res, 'Vary', VARY)
    if (origin && methodAllowed(method)) presetHeader(res, 'Access-Control-Allow-Origin', '*')
  }
  if (method !== 'OPTIONS') return false
  // Kept alive without saying so, as Go answers (see writeFetchResponse).
  if (res.shouldKeepAlive && !res.hasHeader('Connection')) res.removeHeader('Connection')
  res.writeHead(200, goOrderedHeaders(res, { 'Content-Length': '0' }))
  res.end()
  return true
}

/**
 * Whether an answer to a request with an `Origin` and this method gets
 * `Access-Control-Allow-Origin`.
 * @example
 * corsAllowed('GET') // true
 */
export function corsAllowed(method: string): boolean {
  return methodAllowed(method)
}

function methodAllowed(method: string): boolean {
  const upper = method.toUpperCase()
  return upper === 'OPTIONS' || ALLOWED_METHODS.has(upper)
}

/**
 * The names of `Access-Control-Request-Headers` as Service Center's CORS library reads them:
 * split at spaces and commas, other characters than letters, digits, `-` and `_` dropped, a
 * letter upper case at the start and after `-` or `_`, lower case elsewhere.
 */
function headerList(value: string | undefined): string[] {
  if (!value) return []
  return value
    .split(/[ ,]+/)
    .map((name) =>
      name
        .replace(/[^A-Za-z0-9_-]/g, '')
        .toLowerCase()
        .replace(
          /(^|[-_])([a-z])/g,
          (_, mark: string, letter: string) => mark + letter.toUpperCase(),
        ),
    )
    .filter((name) => name.length > 0)
}

/**
 * The headers `applyCors` gives an answer to a request other than `OPTIONS`, appended to
 * `names` and `values` for a writer that does not go through a `ServerResponse`: `Server`,
 * `Vary` and, for a request with an `Origin` and an allowed method, the allowed origin.
 * @example
 * interceptorHeaders('GET', undefined, names, values) // names: ['Server', 'Vary']
 */
export function interceptorHeaders(
  method: string,
  origin: string | undefined,
  names: string[],
  values: HeaderValue[],
): void {
  names.push('Server', 'Vary')
  values.push(SERVER, VARY)
  if (origin && methodAllowed(method)) {
    names.push('Access-Control-Allow-Origin')
    values.push('*')
  }
}
