/**
 * Drops the listed fields of `body[part]` when they are empty strings. Go cannot tell an empty
 * string from a missing field, and the registry fills these fields in before it validates
 * (reference §4.1, §5.1, §13), so an empty one must reach the registry as absent rather than
 * fail the spec's validation.
 * @example
 * withoutEmptyFields({ service: { serviceName: 'cart', version: '' } }, 'service', ['version'])
 * // { service: { serviceName: 'cart' } }
 */
export function withoutEmptyFields(
  body: unknown,
  part: string,
  fields: readonly string[],
): unknown {
  if (!isRecord(body) || !isRecord(body[part])) return body
  const inner = body[part]
  // Nothing to drop (the usual case): the body is the decoder's own copy, kept as it is.
  if (!fields.some((name) => Object.hasOwn(inner, name) && inner[name] === '')) return body
  const kept = Object.entries(inner).filter(
    ([name, value]) => !(value === '' && fields.includes(name)),
  )
  return { ...body, [part]: Object.fromEntries(kept) }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
