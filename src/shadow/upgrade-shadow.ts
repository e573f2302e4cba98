import { type ClientRequest, type IncomingMessage, request } from 'node:http'
import type { Duplex } from 'node:stream'
import { findOperation } from '../http/operations.ts'
import { AUTH_HEADERS, secretsOf } from './auth-headers.ts'
import { compareFirstEvents } from './compare-events.ts'
import { type FirstFrame, firstFrame } from './first-frame.ts'
import { labelDifferences } from './label-differences.ts'
import { pairs } from './raw-exchange.ts'
import { liveUnreachable } from './shadow-errors.ts'
import type { ShadowSession, ShadowSide } from './shadow-session.ts'

/** How long the first live event waits for the mock's before they are compared. */
const EVENT_WAIT_MS = 3000
/** Bytes of a side's stream looked at for its first message. */
const TAP_BYTES = 64 * 1024

interface Handshake {
  status: number
  first?: FirstFrame
  socket?: Duplex
}

/**
 * The websocket side of shadow mode: an upgrade (watcher, heartbeat) is passed through to the
 * live registry byte for byte, both ways; the mock gets the same upgrade (ids mapped) and the
 * client's frames too, so its heartbeats count and its watcher sees the same traffic. The first
 * message of each side is compared; one record per socket.
 * @example
 * const upgrades = createUpgradeShadow({ live, mock, session, liveTimeoutMs: 30_000 })
 * server.on('upgrade', upgrades.handleUpgrade)
 */
export function createUpgradeShadow(options: {
  live: string
  mock: ShadowSide
  twin?: ShadowSide | undefined
  session: ShadowSession
  liveTimeoutMs: number
  readOnly: boolean
}) {
  const { live, mock, twin, session } = options
  const open = new Set<Duplex>()
  const done = new Set<Promise<void>>()

  const connect = (
    base: string,
    path: string,
    headers: [string, string][],
    onFail: (reason: string) => void,
  ) => {
    const url = new URL(path, base)
    const out: [string, string][] = [
      ['Host', url.host],
      ...headers.filter(([n]) => n.toLowerCase() !== 'host'),
    ]
    const req: ClientRequest = request(url, {
      method: 'GET',
      headers: out.flat(),
      setHost: false,
      agent: false,
    })
    req.setTimeout(options.liveTimeoutMs, () =>
      req.destroy(new Error(`no answer in ${options.liveTimeoutMs} ms`)),
    )
    req.on('error', (error) => onFail(error.message))
    req.end()
    return req
  }

  const handleUpgrade = (req: IncomingMessage, client: Duplex, head: Buffer) => {
    const at = new Date().toISOString()
    const path = req.url ?? '/'
    const headers = pairs(req.rawHeaders)
    const pathname = path.split('?', 1)[0] ?? '/'
    const operation = findOperation('GET', pathname)?.operation.operationId ?? 'unknown'
    const seq = session.next()
    const secrets = secretsOf(headers)
    const started = performance.now()
    const liveSide: Handshake = { status: 0 }
    const mockSide: Handshake = { status: 0 }
    const twinSide: Handshake = { status: 0 }
    let liveMs = 0
    let emitted = false
    let finish: () => void = () => undefined
    done.add(
      new Promise<void>((resolve) => {
        finish = resolve
      }),
    )
    open.add(client)
    client.on('error', () => client.destroy())
    const emit = () => {
      if (emitted) return
      emitted = true
      const against = (side: Handshake, compared: ShadowSide) => [
        ...(liveSide.status !== side.status
          ? [
              {
                kind: 'status' as const,
                where: '',
                left: String(liveSide.status),
                right: String(side.status),
              },
            ]
          : []),
        ...compareFirstEvents(liveSide.first, side.first, compared.pairs.ids),
      ]
      const differences = labelDifferences(
        operation,
        against(mockSide, mock),
        twin ? against(twinSide, twin) : undefined,
        { mock: mock.profile, twin: twin?.profile ?? mock.profile },
      )
      session.emit(
        {
          seq,
          at,
          operation,
          method: 'GET',
          path,
          liveStatus: liveSide.status,
          mockStatus: mockSide.status,
          liveMs,
          differences,
        },
        secrets,
      )
    }
    const end = () => {
      open.delete(client)
      client.destroy()
      liveSide.socket?.destroy()
      mockSide.socket?.destroy()
      twinSide.socket?.destroy()
      emit()
      finish()
    }
    client.on('close', end)
    const tap = (side: Handshake, socket: Duplex, first: Buffer, onFirst: () => void) => {
      let seen = first
      const look = () => {
        if (side.first || seen.length > TAP_BYTES) return
        const frame = firstFrame(seen)
        if (frame) {
          side.first = frame
          onFirst()
        }
      }
      socket.on('data', (chunk: Buffer) => {
        if (!side.first && seen.length <= TAP_BYTES) seen = Buffer.concat([seen, chunk])
        look()
      })
      look()
    }
    const whenBoth = () => {
      if (liveSide.first && mockSide.first && (!twin || twinSide.first)) emit()
      else if (liveSide.first) setTimeout(emit, EVENT_WAIT_MS).unref()
    }

    const liveReq = connect(live, path, headers, (reason) => {
      if (liveSide.status !== 0) return
      const refusal = liveUnreachable(reason)
      const text = JSON.stringify(refusal.body)
      client.end(
        `HTTP/1.1 ${refusal.status} Internal Server Error\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
      )
    })
    liveReq.on('upgrade', (res, socket, liveHead) => {
      liveMs = Math.round(performance.now() - started)
      liveSide.status = res.statusCode ?? 0
      liveSide.socket = socket
      // The handshake's bound; an open socket may stay quiet between pings for longer.
      socket.setTimeout(0)
      client.write(statusLine(res) + headerLines(res.rawHeaders))
      if (liveHead.length > 0) client.write(liveHead)
      if (head.length > 0) socket.write(head)
      tap(liveSide, socket, liveHead, whenBoth)
      socket.on('data', (chunk: Buffer) => client.write(chunk))
      socket.on('close', () => client.end())
      socket.on('error', () => client.destroy())
      client.on('data', (chunk: Buffer) => {
        socket.write(chunk)
        mockSide.socket?.write(chunk)
        twinSide.socket?.write(chunk)
      })
    })
    liveReq.on('response', (res) => {
      liveMs = Math.round(performance.now() - started)
      liveSide.status = res.statusCode ?? 0
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        client.write(statusLine(res) + headerLines(res.rawHeaders))
        client.end(Buffer.concat(chunks))
      })
    })

    const replay = (side: ShadowSide, into: Handshake, onFirst: () => void) => {
      const mapped = headers.map(([name, value]): [string, string] =>
        AUTH_HEADERS.has(name.toLowerCase()) ? [name, value] : [name, side.pairs.toMock(value)],
      )
      const sent = connect(side.url, side.pairs.toMock(path), mapped, () => undefined)
      sent.on('upgrade', (res, socket, sideHead) => {
        into.status = res.statusCode ?? 0
        into.socket = socket
        socket.setTimeout(0)
        socket.on('error', () => socket.destroy())
        if (head.length > 0) socket.write(head)
        tap(into, socket, sideHead, onFirst)
      })
      sent.on('response', (res) => {
        into.status = res.statusCode ?? 0
        res.resume()
      })
    }
    replay(mock, mockSide, whenBoth)
    if (twin) replay(twin, twinSide, whenBoth)
  }

  return {
    handleUpgrade,
    /** Ends every passed-through socket. */
    close() {
      for (const socket of open) socket.destroy()
    },
    /** Resolves once every socket has closed and its record was made. */
    async settled() {
      await Promise.all(done)
    },
  }
}

function statusLine(res: IncomingMessage): string {
  return `HTTP/${res.httpVersion} ${res.statusCode} ${res.statusMessage ?? ''}\r\n`
}

function headerLines(raw: readonly string[]): string {
  let out = ''
  for (let i = 0; i + 1 < raw.length; i += 2) out += `${raw[i]}: ${raw[i + 1]}\r\n`
  return `${out}\r\n`
}
