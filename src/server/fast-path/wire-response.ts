import { interceptorHeaders } from '../cors.ts'
import type { HeaderValue } from '../go-header-order.ts'
import { bodyAllowed, goHeadersOf } from '../write-response.ts'
import { type Closing, setHeader, type WireAnswer, wireHead } from './render-answer.ts'

/**
 * The bytes `writeFetchResponse` has `node:http` write for a `Response` an interceptor answered
 * with on a registry route (a fault, a refused token): its status and status text, its headers
 * in Go's canonical case and order over Service Center's interceptor headers, `Set-Cookie`
 * kept apart, and its body with `Content-Length`. These bodies are always whole strings, which
 * Node sends with a length too; the body is read to the end first.
 * @example
 * await wireOfResponse(new Response('{}', { status: 503 }), 'GET', undefined, false, httpDate())
 */
export async function wireOfResponse(
  response: Response,
  method: string,
  origin: string | undefined,
  close: Closing,
  date: string,
): Promise<WireAnswer> {
  const names: string[] = []
  const values: HeaderValue[] = []
  interceptorHeaders(method, origin, names, values)
  const own = goHeadersOf(response)
  for (const name of Object.keys(own)) setHeader(names, values, name, own[name]!)
  const body = response.body ? new Uint8Array(await response.arrayBuffer()) : undefined
  const text = wireHead(
    response.status,
    response.statusText || undefined,
    names,
    values,
    body?.byteLength,
    close,
    date,
  )
  const bytes = body && body.byteLength > 0 && bodyAllowed(response.status) ? body : undefined
  return { text, encoding: 'latin1', bytes }
}
