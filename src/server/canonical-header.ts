const cache = new Map<string, string>()

/**
 * A header name in the canonical form Go's `net/http` writes on the wire (what
 * `textproto.CanonicalMIMEHeaderKey` makes of it): the first letter and every letter after a
 * hyphen upper case, the rest lower case (`x-resource-revision` → `X-Resource-Revision`).
 * Service Center's clients compare some names case-sensitively; Java's `X-Resource-Revision`
 * lookup is one. A name with a character outside the token set is left as it is, as Go does.
 * @example
 * canonicalHeaderName('content-type') // 'Content-Type'
 */
export function canonicalHeaderName(name: string): string {
  const known = cache.get(name)
  if (known !== undefined) return known
  const canonical = TOKEN.test(name)
    ? name
        .toLowerCase()
        .replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase())
    : name
  if (cache.size < 1024) cache.set(name, canonical)
  return canonical
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

/**
 * Whether a header name is an HTTP token, what `node:http` takes as a name
 * (else `ERR_INVALID_HTTP_TOKEN`).
 * @example
 * isHttpToken('X-Resource-Revision') // true
 */
export function isHttpToken(name: string): boolean {
  return TOKEN.test(name)
}
