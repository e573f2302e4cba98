import type { Middleware } from 'openapi-fetch'

/**
 * Where a bearer token comes from: given, or exchanged for a name and password.
 * @example
 * const credentials: Credentials = { user: 'root', password: 'S3cret!pw' }
 */
export type Credentials = { token: string } | { user: string; password: string }

/**
 * The auth middleware, plus the token it sends (for connections openapi-fetch does not make).
 * @example
 * const auth: TokenAuth = createTokenAuth({ token: 'abc' }, baseUrl, fetch)
 * await auth.token() // 'abc'
 */
export type TokenAuth = Middleware & {
  /** The current token, exchanging first if needed; the refused answer when the exchange fails. */
  token(): Promise<string | Response>
}

/**
 * Creates the middleware that adds `Authorization: Bearer …`. With a name and password the
 * token is fetched from `POST /v4/token` on first use and reused afterwards. A refused exchange
 * is kept too: every call answers with the registry's refusal (a value, not an exception)
 * instead of trying again, because repeated failed logins get an account blocked. Only an
 * exchange that could not be sent at all (a network error) is tried again.
 * @example
 * client.use(createTokenAuth({ user: 'root', password: 'S3cret!pw' }, baseUrl, send))
 */
export function createTokenAuth(
  credentials: Credentials,
  baseUrl: string,
  send: (request: Request) => Promise<Response>,
): TokenAuth {
  let cached: string | Response | undefined = 'token' in credentials ? credentials.token : undefined
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

  const token = async (): Promise<string | Response> => {
    if (cached === undefined) {
      pending ??= exchange().finally(() => {
        pending = undefined
      })
      cached = await pending
    }
    return cached instanceof Response ? cached.clone() : cached
  }

  return {
    token,
    async onRequest({ request, schemaPath }) {
      // An Authorization the caller set on the request itself wins (auth scenarios send
      // missing, malformed and other accounts' tokens on purpose).
      if (schemaPath === '/v4/token' || request.headers.has('Authorization')) return undefined
      const outcome = await token()
      if (outcome instanceof Response) return outcome
      request.headers.set('Authorization', `Bearer ${outcome}`)
      return request
    },
  }
}
