import { readJsonBody } from './body.ts'

/**
 * A request as an operation reads it, whichever adapter received it: MSW hands over a WHATWG
 * `Request`; the standalone server a Node request, which it converts only when something asks
 * for the `Request` itself.
 * @example
 * const incoming = fromFetchRequest(request, { project: 'default' })
 */
export interface IncomingRequest {
  readonly method: string
  /** The URL path as requested. */
  readonly pathname: string
  /** The query string with its `?`, or `''`. */
  readonly search: string
  /** The query parameters (built on first use by the standalone server). */
  readonly query: URLSearchParams
  /** The absolute URL (built on first use by the standalone server). */
  readonly url: URL
  /** Path parameters, percent-decoded. */
  readonly params: Record<string, string>
  /** One header by case-insensitive name, repeated headers joined with `, `; `null` when absent. */
  header(name: string): string | null
  /** Every header by lower-case name, as the validator reads them. */
  headers(): Record<string, string>
  /** The JSON body, `undefined` when there is none; 400001 when too large or not JSON. */
  json(maxBytes?: number): Promise<unknown>
  /** The WHATWG `Request`, for interceptors that read it. */
  request(): Request
  /** The client's IP address when the adapter knows it (the standalone server does). */
  readonly remoteAddress?: string | undefined
}

/**
 * Wraps a WHATWG `Request` (what MSW handlers receive).
 * @example
 * const incoming = fromFetchRequest(new Request('http://cse.test/v4/default/registry/version'), { project: 'default' })
 */
export function fromFetchRequest(
  request: Request,
  params: Record<string, string>,
  url = new URL(request.url),
): IncomingRequest {
  return {
    method: request.method,
    pathname: url.pathname,
    search: url.search,
    query: url.searchParams,
    url,
    params,
    header: (name) => request.headers.get(name),
    headers: () => Object.fromEntries(request.headers),
    json: (maxBytes) => readJsonBody(request, maxBytes),
    request: () => request,
  }
}
