import WebSocket from 'ws'
import type { RegistryClient } from '../client/create-registry-client.ts'
import type { RegistryClientOptions } from '../client/options.ts'

/**
 * How a websocket attempt ended up: open, or refused with an HTTP status or close code.
 * @example
 * const { opened, code } = await session.opening
 */
export interface SocketOpening {
  opened: boolean
  /** HTTP status of a refused upgrade. */
  status?: number
  /** Close code and reason when the server closed it. */
  code?: number
  reason?: string
  /** Network error text. */
  error?: string
}

/**
 * One websocket to the registry, with its frames queued.
 * @example
 * const session = await t.openSocket!(`/v4/default/registry/microservices/${id}/watcher`)
 * const frame = await session.next(5_000)
 */
export interface SocketSession {
  readonly opening: Promise<SocketOpening>
  /** The next text frame, or `undefined` when none arrives within `timeoutMs`. */
  next(timeoutMs: number): Promise<string | undefined>
  /** The close code and reason, or `undefined` when it stays open for `timeoutMs`. */
  closed(timeoutMs: number): Promise<{ code: number; reason: string } | undefined>
  close(): void
}

/**
 * Opens a websocket to a registry path (`/v4/{project}/…`, already filled in).
 * @example
 * const open: OpenSocket = createSocketOpener(options, client).open
 */
export type OpenSocket = (path: string) => Promise<SocketSession>

/**
 * Creates the socket opener of a run: same origin, tenant header, token and TLS settings as
 * the HTTP client. Every socket it opened is closed by `closeAll()`.
 * @example
 * const sockets = createSocketOpener(options, client)
 * const session = await sockets.open('/v4/default/registry/microservices/abc/watcher')
 */
export function createSocketOpener(options: RegistryClientOptions, client: RegistryClient) {
  const open = new Set<WebSocket>()
  const origin = client.baseUrl.replace(/^http/, 'ws')
  const openSocket: OpenSocket = async (path) => {
    const headers: Record<string, string> = {}
    if (options.domain) headers['X-Domain-Name'] = options.domain
    const authorization = await client.authorization()
    if (authorization) headers.Authorization = authorization
    const ca = options.caFile ? await readCa(options.caFile) : undefined
    const socket = new WebSocket(`${origin}${path}`, {
      headers,
      ...(ca ? { ca } : {}),
      ...(options.insecure ? { rejectUnauthorized: false } : {}),
    })
    open.add(socket)
    return session(socket, () => open.delete(socket))
  }
  return {
    open: openSocket,
    closeAll() {
      for (const socket of open) socket.terminate()
      open.clear()
    },
  }
}

async function readCa(file: string) {
  const { readFile } = await import('node:fs/promises')
  return readFile(file, 'utf8')
}

function session(socket: WebSocket, forget: () => void): SocketSession {
  const frames: string[] = []
  const waiting: ((frame: string) => void)[] = []
  let closedWith: { code: number; reason: string } | undefined
  const onClose: ((value: { code: number; reason: string }) => void)[] = []
  socket.on('message', (data) => {
    const frame = String(data)
    const wake = waiting.shift()
    if (wake) wake(frame)
    else frames.push(frame)
  })
  socket.on('close', (code, reason) => {
    closedWith = { code, reason: String(reason) }
    forget()
    for (const wake of onClose.splice(0)) wake(closedWith)
  })
  const opening = new Promise<SocketOpening>((resolve) => {
    socket.once('open', () => resolve({ opened: true }))
    socket.once('unexpected-response', (_request, response) => {
      resolve({ opened: false, status: response.statusCode ?? 0 })
      socket.terminate()
    })
    socket.once('error', (error) => resolve({ opened: false, error: error.message }))
    socket.once('close', (code, reason) => resolve({ opened: false, code, reason: String(reason) }))
  })
  return {
    opening,
    next: (timeoutMs) => {
      const queued = frames.shift()
      if (queued !== undefined) return Promise.resolve(queued)
      return waitFor(waiting, timeoutMs)
    },
    closed: (timeoutMs) => {
      if (closedWith) return Promise.resolve(closedWith)
      return waitFor(onClose, timeoutMs)
    },
    close: () => socket.close(),
  }
}

/** Waits for the next value pushed to `waiters`, leaving the queue clean on a timeout. */
function waitFor<T>(waiters: ((value: T) => void)[], timeoutMs: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const wake = (value: T) => {
      clearTimeout(timer)
      resolve(value)
    }
    const timer = setTimeout(() => {
      waiters.splice(waiters.indexOf(wake), 1)
      resolve(undefined)
    }, timeoutMs)
    waiters.push(wake)
  })
}
