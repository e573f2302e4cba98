import type { ShadowRecord } from './shadow-record.ts'

/** Request headers that carry credentials: forwarded as they came, never written down. */
export const AUTH_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'x-auth-token',
  'cookie',
  'proxy-authorization',
])

/**
 * Header names whose values are credentials in either direction: the request's (above) and
 * those an answer issues them in. A difference in one of them is shown without its values.
 */
export const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set([
  ...AUTH_HEADERS,
  'set-cookie',
  'x-subject-token',
  'x-security-token',
])

/**
 * The credential values a request carries (whole header values, and the token after a
 * scheme word), so a record can be cleaned of them wherever they were echoed.
 * @example
 * secretsOf([['Authorization', 'Bearer abc.def']]) // ['Bearer abc.def', 'abc.def']
 */
export function secretsOf(headers: readonly (readonly [string, string])[]): string[] {
  const out: string[] = []
  for (const [name, value] of headers) {
    if (!AUTH_HEADERS.has(name.toLowerCase()) || value.length < 4) continue
    out.push(value)
    const token = /^\S+\s+(\S{4,})$/.exec(value)?.[1]
    if (token) out.push(token)
    if (name.toLowerCase() === 'cookie') {
      for (const part of value.split(';')) {
        const cookie = part.split('=').slice(1).join('=').trim()
        if (cookie.length >= 4) out.push(cookie)
      }
    }
  }
  return out
}

/**
 * The record with every given secret replaced by `<redacted>` in all its texts (path, header
 * values and bodies quoted in differences); tokens issued in answers are passed in too.
 * @example
 * scrubRecord(record, ['abc.def']).path
 */
export function scrubRecord(record: ShadowRecord, secrets: readonly string[]): ShadowRecord {
  if (secrets.length === 0) return record
  const sorted = [...new Set(secrets)].sort((a, b) => b.length - a.length)
  const clean = (text: string) => {
    let out = text
    for (const secret of sorted)
      if (out.includes(secret)) out = out.split(secret).join('<redacted>')
    return out
  }
  return {
    ...record,
    path: clean(record.path),
    differences: record.differences.map((difference) => ({
      ...difference,
      where: clean(difference.where),
      left: clean(difference.left),
      right: clean(difference.right),
    })),
    ...(record.liveError !== undefined ? { liveError: clean(record.liveError) } : {}),
  }
}

/**
 * A token a login answer issued (`{"token": …}`), to be kept out of records too.
 * @example
 * issuedToken(Buffer.from('{"token":"eyJ…"}')) // 'eyJ…'
 */
export function issuedToken(body: Buffer): string | undefined {
  if (body.length === 0 || body[0] !== 0x7b) return undefined
  try {
    const token = (JSON.parse(body.toString('utf8')) as { token?: unknown }).token
    return typeof token === 'string' && token.length >= 4 ? token : undefined
  } catch {
    return undefined
  }
}
