import createClient, { type Client } from 'openapi-fetch'
import type { paths } from '../../generated/schema.ts'
import { ContractError } from '../errors.ts'
import type { RegistryClientOptions } from './options.ts'
import { createTokenBucket } from './rate-limit.ts'
import { createTlsFetch } from './tls-fetch.ts'
import { type Credentials, createTokenAuth } from './token-auth.ts'

/**
 * The typed registry client: openapi-fetch on the spec's paths, plus the project it targets.
 * @example
 * const client: RegistryClient = createRegistryClient({ baseUrl: 'http://127.0.0.1:30100' })
 * await client.GET('/v4/{project}/registry/health', { params: { path: { project: client.project } } })
 */
export type RegistryClient = Client<paths> & {
  /** The `{project}` segment to pass in `params.path`. */
  readonly project: string
  /** The tenant domain sent as `X-Domain-Name`; `default` when none is sent. */
  readonly domain: string
  readonly baseUrl: string
  /** The `Authorization` header value the client sends, if any (logging in first if needed). */
  authorization(): Promise<string | undefined>
}

/**
 * Creates a typed client of the registry API. Every call returns `{ data, error, response }`;
 * nothing throws for an HTTP status.
 * @example
 * const cse = createRegistryClient({ baseUrl: 'http://127.0.0.1:30100', domain: 'shop' })
 * const { data } = await cse.GET('/v4/{project}/registry/version', {
 *   params: { path: { project: cse.project } },
 * })
 */
export function createRegistryClient(options: RegistryClientOptions): RegistryClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '')
  const send = createSender(options)
  const api = createClient<paths>({
    baseUrl,
    fetch: send,
    headers: options.domain ? { 'X-Domain-Name': options.domain } : {},
  })
  const credentials = credentialsOf(options)
  const auth = credentials ? createTokenAuth(credentials, baseUrl, send) : undefined
  if (auth) api.use(auth)
  const authorization = async () => {
    const token = await auth?.token()
    return typeof token === 'string' ? `Bearer ${token}` : undefined
  }
  return Object.assign(api, {
    project: options.project ?? 'default',
    domain: options.domain ?? 'default',
    baseUrl,
    authorization,
  })
}

/** The transport: TLS settings, the rate bound and the timeout, around the chosen fetch. */
function createSender(options: RegistryClientOptions): (request: Request) => Promise<Response> {
  const tls = tlsFetchOf(options)
  const base = options.fetch ?? tls ?? ((request: Request) => globalThis.fetch(request))
  const bucket =
    options.maxRequestsPerSecond === undefined
      ? undefined
      : createTokenBucket(options.maxRequestsPerSecond)
  const timeoutMs = options.timeoutMs
  return async (request) => {
    await bucket?.take()
    if (timeoutMs === undefined) return base(request)
    // The race makes the timeout hold even for a fetch stand-in that ignores an abort signal
    // which fired before it started listening; the abort still frees a real connection.
    const controller = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new DOMException(`No answer within ${timeoutMs} ms`, 'TimeoutError')
        controller.abort(error)
        reject(error)
      }, timeoutMs)
    })
    const signal = AbortSignal.any([request.signal, controller.signal])
    try {
      return await Promise.race([base(new Request(request, { signal })), timeout])
    } finally {
      clearTimeout(timer)
    }
  }
}

function tlsFetchOf(options: RegistryClientOptions) {
  if (options.caFile === undefined && !options.insecure) return undefined
  if (options.caFile !== undefined && options.insecure) {
    throw new ContractError(
      'ERR_TLS_OPTIONS',
      'Failed to configure TLS: both a CA file and `insecure` were given. Use one of them.',
    )
  }
  return createTlsFetch(
    options.caFile === undefined ? { insecure: true } : { caFile: options.caFile },
  )
}

function credentialsOf(options: RegistryClientOptions): Credentials | undefined {
  const hasUser = options.user !== undefined || options.password !== undefined
  if (options.token !== undefined && hasUser) {
    throw new ContractError(
      'ERR_AUTH_OPTIONS',
      'Failed to configure authentication: a token and a user/password were both given. Use one of them.',
    )
  }
  if (options.token !== undefined) return { token: options.token }
  if (!hasUser) return undefined
  if (options.user === undefined || options.password === undefined) {
    throw new ContractError(
      'ERR_AUTH_OPTIONS',
      'Failed to configure authentication: `user` and `password` go together. Pass both.',
    )
  }
  return { user: options.user, password: options.password }
}
