import type { IncomingRequest } from '../http/incoming.ts'

/** Where a request went, as the server's router read it. */
export interface RequestPlace {
  pathname: string
  /** With its `?`, or `''`. */
  search: string
  params: Record<string, string>
  /** The server's origin, e.g. `http://127.0.0.1:30100`. */
  origin: string
}

/**
 * What the server's two request wrappers (the Node request's, the fast path's) share: the
 * headers from the raw name/value list, the `URL` and the query parameters, each built only
 * when something asks for it.
 * @example
 * class MyRequest extends RawHeaderRequest { protected rawHeaders() { return raw } … }
 */
export abstract class RawHeaderRequest implements Omit<IncomingRequest, 'json' | 'request'> {
  readonly method: string
  readonly pathname: string
  readonly search: string
  readonly params: Record<string, string>
  readonly remoteAddress: string | undefined
  #origin: string
  #headers: Record<string, string> | undefined
  #url: URL | undefined
  #query: URLSearchParams | undefined

  protected constructor(method: string, place: RequestPlace, remoteAddress: string | undefined) {
    this.method = method
    this.pathname = place.pathname
    this.search = place.search
    this.params = place.params
    this.remoteAddress = remoteAddress
    this.#origin = place.origin
  }

  /** Header names and values as received, alternating (`IncomingMessage.rawHeaders`). */
  protected abstract rawHeaders(): readonly string[]

  get url(): URL {
    this.#url ??= new URL(`${this.#origin}${this.pathname}${this.search}`)
    return this.#url
  }

  get query(): URLSearchParams {
    this.#query ??= this.#url ? this.#url.searchParams : new URLSearchParams(this.search)
    return this.#query
  }

  header(name: string): string | null {
    return this.headers()[name.toLowerCase()] ?? null
  }

  headers(): Record<string, string> {
    this.#headers ??= joinHeaders(this.rawHeaders())
    return this.#headers
  }
}

/** Lower-case names, repeated headers joined with `, `: what `Object.fromEntries(headers)` gives. */
function joinHeaders(raw: readonly string[]): Record<string, string> {
  const joined: Record<string, string> = {}
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase()
    const value = raw[i + 1]!
    const previous = joined[name]
    joined[name] = previous === undefined ? value : `${previous}, ${value}`
  }
  return joined
}
