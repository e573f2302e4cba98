import { Agent, type IncomingMessage, type ServerResponse } from 'node:http'
import { compareExchanges } from '../compare/compare-exchanges.ts'
import type { Exchange } from '../compare/types.ts'
import { findOperation } from '../http/operations.ts'
import type { Profile } from '../registry/index.ts'
import { AUTH_HEADERS, issuedToken, scrubRecord, secretsOf } from './auth-headers.ts'
import { readBody, writeAnswer, writeRefusal } from './client-io.ts'
import type { IdPairs } from './id-pairs.ts'
import { labelDifferences } from './label-differences.ts'
import { pairs, type RawAnswer, type RawForward, sendForward } from './raw-exchange.ts'
import { liveUnreachable, readOnlyRefusal, refusesWrite } from './shadow-errors.ts'
import type { ShadowObserver, ShadowRecord } from './shadow-record.ts'

/** One in-process mock the traffic is replayed on, with its own id pairs against live. */
export interface ShadowSide {
  url: string
  profile: Profile
  pairs: IdPairs
}

/** What a shadow session compares and where it reports. */
export interface ShadowSessionOptions {
  live: string
  mock: ShadowSide
  /** The same traffic on a mock of the other profile, to tell profile differences apart. */
  twin?: ShadowSide | undefined
  observers: readonly ShadowObserver[]
  readOnly: boolean
  /** Bound on each live request; the client gets `500011` after it. */
  liveTimeoutMs: number
  /** Bound on each replay on a mock. */
  mockTimeoutMs?: number
  /** Told about an observer that threw; the session keeps going. */
  onError?: (error: unknown) => void
}

/** The request side of a shadow session. */
export interface ShadowSession {
  handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void>
  /** Sends a record to every observer, cleaned of the given secrets. */
  emit(record: ShadowRecord, secrets: readonly string[]): void
  /** The next sequence number. */
  next(): number
  /** Waits for the replays still queued, then closes the observers. */
  close(): Promise<void>
}

/**
 * Creates the session behind `serve --shadow`: each request goes to the live registry as the
 * client sent it, the live answer goes back unchanged, and the same request (live ids rewritten
 * to the mock's) is replayed in arrival order on the mock and its profile twin, the answers
 * compared and the record handed to the observers.
 * @example
 * const session = createShadowSession({ live, mock, observers: [log], readOnly: false, liveTimeoutMs: 30_000 })
 * server.on('request', session.handleRequest)
 */
export function createShadowSession(options: ShadowSessionOptions): ShadowSession {
  const { live, mock, twin, observers, readOnly, liveTimeoutMs } = options
  const mockTimeoutMs = options.mockTimeoutMs ?? 10_000
  const liveAgent = new Agent({ keepAlive: true })
  const mockAgent = new Agent({ keepAlive: true })
  const onError = options.onError ?? (() => undefined)
  let seq = 0
  let queue: Promise<void> = Promise.resolve()

  const emit = (record: ShadowRecord, secrets: readonly string[]) => {
    const clean = scrubRecord(record, secrets)
    for (const observer of observers) {
      try {
        observer.record(clean)
      } catch (error) {
        onError(error)
      }
    }
  }

  const replay = async (side: ShadowSide, forward: RawForward) => {
    const text = (value: string) => side.pairs.toMock(value)
    const mapped: RawForward = {
      method: forward.method,
      path: text(forward.path),
      headers: forward.headers.map(([name, value]) =>
        AUTH_HEADERS.has(name.toLowerCase()) ? [name, value] : [name, text(value)],
      ),
      body:
        forward.body.length > 0 ? Buffer.from(text(forward.body.toString('utf8'))) : forward.body,
    }
    return sendForward(side.url, mapped, { timeoutMs: mockTimeoutMs, agent: mockAgent })
  }

  const compareOn = async (side: ShadowSide, forward: RawForward, answer: RawAnswer) => {
    const got = await replay(side, forward)
    side.pairs.learn(forward, answer, got)
    return { got, differences: compareExchanges(exchange(answer), exchange(got), side.pairs.ids) }
  }

  return {
    emit,
    next: () => ++seq,
    async handleRequest(req, res) {
      const at = new Date().toISOString()
      const number = ++seq
      const body = await readBody(req)
      if (body === undefined) return
      if (!Buffer.isBuffer(body)) {
        writeRefusal(res, body)
        return
      }
      const forward: RawForward = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: pairs(req.rawHeaders),
        body,
      }
      const url = new URL(forward.path, 'http://shadow')
      const operation =
        findOperation(forward.method, url.pathname)?.operation.operationId ?? 'unknown'
      const secrets = secretsOf(forward.headers)
      const base = { seq: number, at, operation, method: forward.method, path: forward.path }
      if (readOnly && refusesWrite(forward.method, url.pathname, url.search)) {
        const refusal = readOnlyRefusal(forward.method, url.pathname)
        writeRefusal(res, refusal)
        emit(
          {
            ...base,
            liveStatus: refusal.status,
            mockStatus: 0,
            liveMs: 0,
            differences: [],
            refused: true,
          },
          secrets,
        )
        return
      }
      const started = performance.now()
      const answer = await sendForward(live, forward, {
        timeoutMs: liveTimeoutMs,
        agent: liveAgent,
      })
      const liveMs = Math.round(performance.now() - started)
      if (answer.error !== undefined) {
        writeRefusal(res, liveUnreachable(answer.error))
        emit(
          {
            ...base,
            liveStatus: 0,
            mockStatus: 0,
            liveMs,
            differences: [],
            liveError: answer.error,
          },
          secrets,
        )
        return
      }
      writeAnswer(res, answer)
      if (url.pathname === '/v4/token') {
        const token = issuedToken(answer.body)
        if (token) secrets.push(token)
      }
      queue = queue
        .then(async () => {
          const onMock = await compareOn(mock, forward, answer)
          const onTwin = twin ? await compareOn(twin, forward, answer) : undefined
          const differences = labelDifferences(operation, onMock.differences, onTwin?.differences, {
            mock: mock.profile,
            twin: twin?.profile ?? mock.profile,
          })
          if (url.pathname === '/v4/token') {
            const token = issuedToken(onMock.got.body)
            if (token) secrets.push(token)
          }
          emit(
            {
              ...base,
              liveStatus: answer.status,
              mockStatus: onMock.got.status,
              liveMs,
              differences,
            },
            secrets,
          )
        })
        .catch(onError)
    },
    async close() {
      await queue
      liveAgent.destroy()
      mockAgent.destroy()
      for (const observer of observers) {
        try {
          await observer.close?.()
        } catch (error) {
          onError(error)
        }
      }
    },
  }
}

function exchange(answer: RawAnswer): Exchange {
  return {
    status: answer.status,
    headers: answer.headers,
    body: answer.body.toString('utf8'),
    ...(answer.error !== undefined ? { error: answer.error } : {}),
  }
}
