/** The path and query of a request target. */
export interface RequestTarget {
  pathname: string
  /** With its `?`, or `''`. */
  search: string
}

/** Paths made of these alone read the same raw as through `URL` (no dot segments, no `#`). */
const PLAIN_PATH = /^\/[A-Za-z0-9\-_~%!$&'()*+,;=:@/]*$/

/**
 * The path and query of a request target (`req.url`) as `new URL()` would read them on the
 * server's origin, without building one for the plain paths clients send.
 * @example
 * targetOf('/v4/default/registry/instances?appId=a', 'http://127.0.0.1:30100') // { pathname: '/v4/default/registry/instances', search: '?appId=a' }
 */
export function targetOf(raw: string, origin: string): RequestTarget {
  const mark = raw.indexOf('?')
  const pathname = mark < 0 ? raw : raw.slice(0, mark)
  if (PLAIN_PATH.test(pathname) && !pathname.startsWith('//') && !pathname.includes('/.')) {
    const search = mark < 0 || mark === raw.length - 1 ? '' : raw.slice(mark)
    if (!search.includes('#')) return { pathname, search }
  }
  const url = new URL(urlOnOrigin(raw, origin))
  return { pathname: url.pathname, search: url.search }
}

/**
 * The absolute URL of a request target on the server's origin. A target that does not start
 * with `/` (`*`, absolute or protocol-relative forms) must not move the request to another
 * origin: it reads as `/`.
 * @example
 * urlOnOrigin('/v4/default/registry/version', 'http://127.0.0.1:30100') // 'http://127.0.0.1:30100/v4/default/registry/version'
 */
export function urlOnOrigin(raw: string | undefined, origin: string): string {
  const target = raw?.startsWith('/') && !raw.startsWith('//') ? raw : '/'
  return `${origin}${target}`
}
