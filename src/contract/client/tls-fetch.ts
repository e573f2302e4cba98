import { ContractError } from '../errors.ts'

/**
 * TLS settings for registries behind a private CA or a self-signed certificate.
 * @example
 * const tls: TlsOptions = { insecure: true }
 */
export interface TlsOptions {
  /** PEM file of the certificate authorities to trust instead of the system ones. */
  caFile?: string
  /** Accepts any certificate. */
  insecure?: boolean
}

/**
 * Creates a `fetch` that sends requests through `node:https` with the given TLS settings.
 * Node's own `fetch` only takes such settings through an undici `Agent`, and undici is not a
 * module a package can import without installing it; `node:https` needs nothing extra. The
 * Node modules are loaded on first use, so the client stays importable in browsers.
 * @example
 * const fetchWithCa = createTlsFetch({ caFile: 'ca.pem' })
 * await fetchWithCa(new Request('https://cse.example.com/v4/default/registry/version'))
 */
export function createTlsFetch(tls: TlsOptions): (request: Request) => Promise<Response> {
  let ca: Promise<string | undefined> | undefined
  const readCa = async () => {
    if (tls.caFile === undefined) return undefined
    const { readFile } = await import('node:fs/promises')
    try {
      return await readFile(tls.caFile, 'utf8')
    } catch (error) {
      throw new ContractError(
        'ERR_CA_FILE',
        `Failed to read the CA file "${tls.caFile}": ${(error as Error).message}. Pass a readable PEM file.`,
      )
    }
  }
  return async (request) => {
    ca ??= readCa()
    const trusted = await ca
    const url = new URL(request.url)
    const secure = url.protocol === 'https:'
    const { request: send } = secure ? await import('node:https') : await import('node:http')
    const { Readable } = await import('node:stream')
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined
    return new Promise<Response>((resolve, reject) => {
      const outgoing = send(
        url,
        {
          method: request.method,
          headers: Object.fromEntries(request.headers),
          ...(secure
            ? { rejectUnauthorized: !tls.insecure, ...(trusted ? { ca: trusted } : {}) }
            : {}),
          signal: request.signal,
        },
        (incoming) => {
          const headers = new Headers()
          for (const [name, value] of Object.entries(incoming.headers)) {
            if (Array.isArray(value)) for (const item of value) headers.append(name, item)
            else if (value !== undefined) headers.set(name, value)
          }
          const status = incoming.statusCode ?? 502
          const empty = status === 204 || status === 304 || request.method === 'HEAD'
          if (empty) incoming.resume()
          resolve(
            new Response(empty ? null : (Readable.toWeb(incoming) as ReadableStream), {
              status,
              statusText: incoming.statusMessage ?? '',
              headers,
            }),
          )
        },
      )
      outgoing.on('error', reject)
      outgoing.end(body)
    })
  }
}
