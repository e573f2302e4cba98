import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { CseMock } from '../mock.ts'
import type { Profile } from '../registry/index.ts'
import { contain } from '../server/contain.ts'
import { CseMockServerError } from '../server/errors.ts'
import { type CseMockServer, startCseMockServer } from '../server/start-server.ts'
import { createIdPairs } from './id-pairs.ts'
import { matchOwnInstance } from './own-instance.ts'
import type { ShadowObserver } from './shadow-record.ts'
import { createShadowSession, type ShadowSide } from './shadow-session.ts'
import { createUpgradeShadow } from './upgrade-shadow.ts'

/** Options of `startShadowProxy`. */
export interface ShadowProxyOptions {
  /** The live registry, e.g. `http://127.0.0.1:30100`. */
  live: string
  /** The mock the traffic is replayed on (load it from an import for like-with-like reads). */
  mock: CseMock
  /** A mock of the other profile fed the same traffic, to label profile differences. */
  twin?: CseMock | undefined
  /** Where the records go: log file, summary, the inspector, … */
  observers: readonly ShadowObserver[]
  host?: string
  /** `0` picks a free port. */
  port?: number
  /**
   * Read Service Center's own instance from the live registry at start (one GET), so the
   * mock's matches it; `serve --shadow` does so with the import. Default true.
   */
  matchOwnInstance?: boolean
  /** Refuse writes with `403001` instead of forwarding them. */
  readOnly?: boolean
  /** Bound on each live request, default 30 s. */
  liveTimeoutMs?: number
  /** Websocket ping interval of the mocks' own servers. */
  pingIntervalMs?: number
  onError?: (error: unknown) => void
}

/** A running shadow proxy. */
export interface ShadowProxy {
  readonly url: string
  readonly port: number
  /** The address of the in-process mock (its inspector and control API live there). */
  readonly mockUrl: string
  /** Stops accepting, waits for queued replays, closes the observers and the mocks' servers. */
  close(): Promise<void>
}

/**
 * Starts a proxy in front of a live registry that replays each request on the mock (and its
 * profile twin) and reports the differences to the observers.
 * @example
 * const proxy = await startShadowProxy({ live: 'http://127.0.0.1:30100', mock, observers: [summary], port: 0 })
 * await proxy.close()
 */
export async function startShadowProxy(options: ShadowProxyOptions): Promise<ShadowProxy> {
  const { live, mock, twin, host = '127.0.0.1', port = 30100 } = options
  const onError = options.onError ?? (() => undefined)
  const liveTimeoutMs = options.liveTimeoutMs ?? 30_000
  const internal = {
    host: '127.0.0.1',
    port: 0,
    shutdownTimeoutMs: 2000,
    onError,
    ...(options.pingIntervalMs !== undefined ? { pingIntervalMs: options.pingIntervalMs } : {}),
  }
  const servers: CseMockServer[] = []
  const sideOf = async (which: CseMock): Promise<ShadowSide> => {
    const server = await startCseMockServer({ ...internal, mock: which })
    servers.push(server)
    const pairs = createIdPairs()
    if (options.matchOwnInstance !== false) {
      await matchOwnInstance(live, server.url, which, pairs, Math.min(liveTimeoutMs, 5000))
    }
    return { url: server.url, profile: which.registry.profile as Profile, pairs }
  }
  const mockSide = await sideOf(mock)
  const twinSide = twin ? await sideOf(twin) : undefined
  const session = createShadowSession({
    live,
    mock: mockSide,
    twin: twinSide,
    observers: options.observers,
    readOnly: options.readOnly ?? false,
    liveTimeoutMs,
    onError,
  })
  const upgrades = createUpgradeShadow({
    live,
    mock: mockSide,
    twin: twinSide,
    session,
    liveTimeoutMs,
    readOnly: options.readOnly ?? false,
  })
  const server: Server = createServer()
  server.keepAliveTimeout = 65_000
  server.on(
    'request',
    contain(session.handleRequest, 'request', onError, (_req, res) => res.destroy()),
  )
  server.on(
    'upgrade',
    contain(upgrades.handleUpgrade, 'upgrade', onError, (_req, socket) => socket.destroy()),
  )
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, host, () => {
        server.off('error', reject)
        resolve()
      })
    })
  } catch (error) {
    await Promise.all(servers.map((s) => s.close()))
    throw new CseMockServerError(
      'ERR_LISTEN',
      `Failed to start the shadow proxy on ${host}:${port}: ${String(error)}. Pick another --port, or 0 for a free one.`,
    )
  }
  const bound = (server.address() as AddressInfo).port
  let closed: Promise<void> | undefined
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`,
    port: bound,
    mockUrl: mockSide.url,
    close() {
      closed ??= (async () => {
        upgrades.close()
        await new Promise<void>((resolve) => {
          server.close(() => resolve())
          server.closeIdleConnections()
          setTimeout(() => server.closeAllConnections(), 2000).unref()
        })
        await upgrades.settled()
        await session.close()
        await Promise.all(servers.map((s) => s.close()))
      })()
      return closed
    },
  }
}
