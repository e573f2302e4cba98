import type { Middleware } from 'openapi-fetch'

/** Where a bearer token comes from: given, or exchanged for a name and password. */
export type Credentials = { token: string } | { user: string; password: string }

/**
 * Creates the middleware that adds `Authorization: Bearer …`. With a name and password the
 * token is fetched from `POST /v4/token` on first use and reused afterwards; a refused exchange
 * is answered as the registry answered it (a value, not an exception) and retried next time.
 * @example
 * client.use(createTokenAuth({ user: 'root', password: 'S3cret!pw' }, baseUrl, send))
 */
export function createTokenAuth(
  credentials: Credentials,
  baseUrl: string,
  send: (request: Request) => Promise<Response>,
): Middleware {
  let cached: string | undefined = 'token' in credentials ? credentials.token : undefined
  let pending: Promise<string | Response> | undefined

  const exchange = async (): Promise<string | Response> => {
    if (!('user' in credentials)) throw new Error('unreachable: a fixed token needs no exchange')
    const response = await send(
      new Request(`${baseUrl}/v4/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: credentials.user, password: credentials.password }),
      }),
    )
    if (!response.ok) return response
    const body = (await response.json().catch(() => undefined)) as { token?: unknown } | undefined
    if (typeof body?.token !== 'string' || body.token === '') {
      return new Response(
        JSON.stringify({
          errorCode: '401201',
          errorMessage: 'Request unauthorized',
          detail: 'POST /v4/token answered without a token',
        }),
        { status: 401, headers: { 'Content-Type': 'application/json' } },
      )
    }
    return body.token
  }

  return {
    async onRequest({ request, schemaPath }) {
      if (schemaPath === '/v4/token') return undefined
      if (cached === undefined) {
        pending ??= exchange().finally(() => {
          pending = undefined
        })
        const outcome = await pending
        if (outcome instanceof Response) return outcome.clone()
        cached = outcome
      }
      request.headers.set('Authorization', `Bearer ${cached}`)
      return request
    },
  }
}
