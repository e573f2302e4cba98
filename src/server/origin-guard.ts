import type { IncomingMessage } from 'node:http'
import { isIP } from 'node:net'

/** Options of `createOriginGuard`. */
export interface OriginGuardOptions {
  /** The interface the server is bound to; its name is accepted as a `Host`. */
  boundHost: string
  /**
   * More names accepted in `Host`: an exact name, `.example.com` for the domain and every
   * subdomain, or `'all'` to switch the check off (only behind a proxy that checks it).
   */
  allowedHosts?: readonly string[] | 'all' | undefined
}

/** Why a request was refused: the HTTP status, a stable code and a sentence for people. */
export interface GuardRefusal {
  status: number
  code: 'HOST_NOT_ALLOWED' | 'CROSS_ORIGIN' | 'UNSUPPORTED_MEDIA_TYPE'
  message: string
}

/** The checks that keep web pages from driving the server's own endpoints. */
export interface OriginGuard {
  /**
   * `Host` and `Origin`: refuses a `Host` that is not a loopback name, an IP address, the bound
   * address or an allowed host (DNS rebinding), and an `Origin` other than the server's own
   * (a page on another site). Requests without `Origin` (curl, SDKs, tests) pass.
   */
  checkSource(req: IncomingMessage): GuardRefusal | undefined
  /**
   * `checkSource`, plus: a write that carries a body must say it is JSON, so the "simple"
   * cross-site requests a page may send without asking (`text/plain`, forms) never get in.
   */
  checkWrite(req: IncomingMessage): GuardRefusal | undefined
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const JSON_MEDIA = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i

/**
 * Builds the guard of the server's own endpoints: the control API, its websockets and any page
 * served under `/__cse-mock/`. The registry routes do not go through it: they answer browsers
 * the way Service Center does. Host names are checked the way development servers check them:
 * a rebinding attack needs a name, so IP addresses always pass, names only when allowed.
 * @example
 * const guard = createOriginGuard({ boundHost: '127.0.0.1', allowedHosts: ['.test'] })
 * const refusal = guard.checkWrite(req) // { status: 403, code: 'CROSS_ORIGIN', … } or undefined
 */
export function createOriginGuard(options: OriginGuardOptions): OriginGuard {
  const { allowedHosts } = options
  const bound = normalizeName(options.boundHost)
  const hostAllowed = (name: string): boolean =>
    allowedHosts === 'all' ||
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    isIP(name) !== 0 ||
    name === bound ||
    (allowedHosts ?? []).some((entry) => matches(name, normalizeName(entry)))

  const checkSource = (req: IncomingMessage): GuardRefusal | undefined => {
    const host = req.headers.host
    if (host !== undefined) {
      const name = hostName(host)
      if (name === undefined || !hostAllowed(name)) {
        return {
          status: 403,
          code: 'HOST_NOT_ALLOWED',
          message: `Host "${host}" is not allowed here; use localhost or an IP address, or start the server with --allowed-hosts ${name ?? 'NAME'}.`,
        }
      }
    }
    const origin = req.headers.origin
    if (origin !== undefined && !sameOrigin(origin, host)) {
      return {
        status: 403,
        code: 'CROSS_ORIGIN',
        message: `Requests from the page at ${origin} are refused: only the server's own pages may call it.`,
      }
    }
    return undefined
  }

  return {
    checkSource,
    checkWrite(req) {
      const refusal = checkSource(req)
      if (refusal || !WRITE_METHODS.has(req.method ?? '') || !carriesBody(req)) return refusal
      const type = req.headers['content-type'] ?? ''
      if (JSON_MEDIA.test(type)) return undefined
      return {
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: `The body is sent as "${type || 'no Content-Type'}"; send it as Content-Type: application/json.`,
      }
    },
  }
}

/** The host name of a `Host` header value, lower-case, without port, brackets or final dot. */
function hostName(host: string): string | undefined {
  // A Host is a name and a port: user info, a path or spaces would let the URL parser below
  // read another name out of it (`evil@localhost` is localhost with a user).
  if (/[@/?#\\\s]/.test(host)) return undefined
  try {
    const { hostname } = new URL(`http://${host}`)
    return hostname === '' ? undefined : normalizeName(hostname)
  } catch {
    return undefined
  }
}

function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
}

function matches(name: string, entry: string): boolean {
  if (!entry.startsWith('.')) return name === entry
  return name === entry.slice(1) || name.endsWith(entry)
}

function sameOrigin(origin: string, host: string | undefined): boolean {
  if (host === undefined) return false
  try {
    const page = new URL(origin)
    return page.protocol === 'http:' && page.host === new URL(`http://${host}`).host
  } catch {
    return false
  }
}

function carriesBody(req: IncomingMessage): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true
  const length = Number(req.headers['content-length'] ?? 0)
  return !Number.isFinite(length) || length > 0
}
