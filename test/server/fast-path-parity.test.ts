import { ServerResponse } from 'node:http'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createVirtualClock } from '../../src/registry/clock.ts'
import {
  type CseMockServer,
  type CseMockServerOptions,
  startCseMockServer,
} from '../../src/server/index.ts'
import { rawConnection, withoutDate } from './raw-connection.ts'

// The fast path answers registry calls without node:http's request and response objects. It
// must put the same bytes on the wire as node:http does: every answer here is compared with the
// one a server without the fast path gives, Date aside.

const EPOCH = Date.UTC(2026, 0, 1)
const FIND = '/v4/default/registry/instances?appId=par&serviceName=parity&version=latest'
const SERVICE = { serviceId: 'parity1', appId: 'par', serviceName: 'parity', version: '1.0.0' }
const INSTANCE = {
  instanceId: 'inst1',
  hostName: 'parity-host',
  endpoints: ['rest://10.0.0.1:8080'],
  status: 'UP',
  healthCheck: { mode: 'push', interval: 30, times: 3 },
}

function request(
  method: string,
  path: string,
  options: { body?: string; headers?: string[]; keep?: boolean } = {},
): string {
  const lines = [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1', ...(options.headers ?? [])]
  if (options.body !== undefined) {
    lines.push(
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(options.body)}`,
    )
  }
  return `${lines.join('\r\n')}\r\n\r\n${options.body ?? ''}`
}

/** Registry calls the fast path answers itself, on one kept-alive connection, in this order. */
const FAST: { label: string; bytes: string }[] = [
  {
    label: 'create service',
    bytes: request('POST', '/v4/default/registry/microservices', {
      body: JSON.stringify({ service: SERVICE }),
    }),
  },
  {
    label: 'register',
    bytes: request('POST', '/v4/default/registry/microservices/parity1/instances', {
      body: JSON.stringify({ instance: INSTANCE }),
    }),
  },
  { label: 'find', bytes: request('GET', FIND) },
  {
    label: 'find with Origin',
    bytes: request('GET', FIND, { headers: ['Origin: http://app.test'] }),
  },
  {
    label: 'find, keep-alive said',
    bytes: request('GET', FIND, { headers: ['Connection: keep-alive', 'X-Domain-Name: default'] }),
  },
  {
    label: 'heartbeat',
    bytes: request('PUT', '/v4/default/registry/microservices/parity1/instances/inst1/heartbeat'),
  },
  { label: 'get service', bytes: request('GET', '/v4/default/registry/microservices/parity1') },
  { label: 'unknown service', bytes: request('GET', '/v4/default/registry/microservices/nope') },
  {
    label: 'invalid body',
    bytes: request('POST', '/v4/default/registry/microservices/parity1/instances', {
      body: '{"instance":{"endpoints":[]}}',
    }),
  },
  {
    label: 'malformed JSON',
    bytes: request('POST', '/v4/default/registry/microservices/parity1/instances', {
      body: '{"instance":',
    }),
  },
  { label: 'large answer', bytes: request('GET', '/v4/default/registry/microservices') },
  {
    label: 'instances of a service',
    bytes: request('GET', '/v4/default/registry/microservices/parity1/instances'),
  },
  {
    label: 'delete instance',
    bytes: request('DELETE', '/v4/default/registry/microservices/parity1/instances/inst1'),
  },
  {
    label: 'websocket route without an upgrade',
    bytes: request('GET', '/v4/default/registry/microservices/parity1/watcher'),
  },
  { label: 'dot segments', bytes: request('GET', '/v4/default/registry/../registry/version') },
]

/** Requests after which the connection closes, each on a connection of its own. */
const CLOSING: { label: string; bytes: string }[] = [
  {
    label: 'close asked',
    bytes: request('GET', '/v4/default/registry/version', { headers: ['Connection: close'] }),
  },
  {
    label: 'registration over its 5 KiB limit',
    bytes: request('POST', '/v4/default/registry/microservices/parity1/instances', {
      body: JSON.stringify({ instance: { ...INSTANCE, hostName: 'h'.repeat(10_000) } }),
    }),
  },
  {
    label: 'GET with a body nobody reads',
    bytes: request('GET', '/v4/default/registry/version', { body: '{}' }),
  },
]

/** Requests the fast path leaves to node:http, each on a connection of its own. */
const DECLINED: { label: string; bytes: string | Buffer }[] = [
  {
    label: 'OPTIONS preflight',
    bytes: request('OPTIONS', FIND, {
      headers: ['Origin: http://a.test', 'Access-Control-Request-Method: GET'],
    }),
  },
  { label: 'control API', bytes: request('GET', '/__cse-mock/faults') },
  { label: 'unknown path', bytes: request('GET', '/nowhere') },
  { label: 'HTTP/1.0', bytes: 'GET /v4/default/registry/version HTTP/1.0\r\nHost: x\r\n\r\n' },
  { label: 'no Host', bytes: 'GET /v4/default/registry/version HTTP/1.1\r\n\r\n' },
  {
    label: 'two Hosts',
    bytes: 'GET /v4/default/registry/version HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n',
  },
  {
    label: 'absolute target',
    bytes: 'GET http://other.test/v4/default/registry/version HTTP/1.1\r\nHost: x\r\n\r\n',
  },
  { label: 'bare LF', bytes: 'GET /v4/default/registry/version HTTP/1.1\nHost: x\n\n' },
  {
    label: 'folded header',
    bytes: 'GET /v4/default/registry/version HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n',
  },
  {
    label: 'control byte in a value',
    bytes: 'GET /v4/default/registry/version HTTP/1.1\r\nHost: x\r\nX-A: a\x01b\r\n\r\n',
  },
  {
    label: 'space before colon',
    bytes: 'GET /v4/default/registry/version HTTP/1.1\r\nHost : x\r\n\r\n',
  },
  {
    label: 'two Content-Lengths',
    bytes:
      'POST /v4/default/registry/microservices HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}',
  },
  {
    label: 'signed Content-Length',
    bytes:
      'POST /v4/default/registry/microservices HTTP/1.1\r\nHost: x\r\nContent-Length: +2\r\n\r\n{}',
  },
  {
    label: 'chunked body',
    bytes:
      'POST /v4/default/registry/microservices HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n',
  },
  {
    label: 'lower-case method',
    bytes: 'get /v4/default/registry/version HTTP/1.1\r\nHost: x\r\n\r\n',
  },
  {
    label: 'header overflow',
    bytes: `GET /v4/default/registry/version HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`,
  },
]

interface Pair {
  fast: CseMockServer
  plain: CseMockServer
}

async function startPair(options: CseMockServerOptions = {}): Promise<Pair> {
  const common = { port: 0, seed: 42, ...options }
  const pair = {
    fast: await startCseMockServer({ ...common, clock: createVirtualClock(EPOCH) }),
    plain: await startCseMockServer({
      ...common,
      clock: createVirtualClock(EPOCH),
      fastPath: false,
    }),
  }
  // Enough services that listing them is an answer over 16 KiB, which goes out as bytes.
  for (const server of [pair.fast, pair.plain]) {
    for (let i = 0; i < 60; i++) {
      const service = {
        serviceId: `bulk${i}`,
        appId: 'bulk',
        serviceName: `bulk-service-${i}`,
        version: '1.0.0',
        description: 'd'.repeat(200),
      }
      await fetch(`${server.url}/v4/default/registry/microservices`, {
        method: 'POST',
        body: JSON.stringify({ service }),
      })
    }
  }
  return pair
}

async function converse(
  server: CseMockServer,
  requests: readonly { label: string; bytes: string | Buffer }[],
) {
  const connection = await rawConnection(server.port)
  const answers: string[] = []
  for (const { label, bytes } of requests) {
    connection.send(bytes)
    answers.push(
      withoutDate(
        await connection.next().catch((error: unknown) => {
          throw new Error(`${label}: ${String(error)}`)
        }),
      ),
    )
  }
  connection.destroy()
  return answers
}

async function alone(server: CseMockServer, bytes: string | Buffer): Promise<string> {
  const connection = await rawConnection(server.port)
  connection.send(bytes)
  const answer = await connection.next().catch(async (error: unknown) => String(error))
  connection.destroy()
  return withoutDate(answer)
}

describe('the fast path against node:http, byte for byte', () => {
  let pair: Pair
  beforeAll(async () => {
    pair = await startPair()
  })
  afterAll(async () => {
    await pair.fast.close()
    await pair.plain.close()
  })
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('answers registry calls on a kept-alive connection as node:http does, without it', async () => {
    const writeHead = vi.spyOn(ServerResponse.prototype, 'writeHead')
    const fast = await converse(pair.fast, FAST)
    const fastWrites = writeHead.mock.calls.length
    const plain = await converse(pair.plain, FAST)
    expect(fastWrites).toBe(0)
    expect(writeHead.mock.calls.length).toBe(FAST.length)
    for (const [i, { label }] of FAST.entries()) expect(fast[i], label).toBe(plain[i])
    expect(fast.map((answer) => answer.slice(9, 12))).toEqual([
      '200',
      '200',
      '200',
      '200',
      '200',
      '200',
      '200',
      '400',
      '400',
      '400',
      '200',
      '200',
      '200',
      '400',
      '200',
    ])
    // The large answer goes out as bytes after the head.
    expect(fast[10]!.length).toBeGreaterThan(16 * 1024)
    expect(fast[3]).toContain('\r\nAccess-Control-Allow-Origin: *\r\n')
  })

  it('closes the connection where node:http does, with the same answer', async () => {
    for (const { label, bytes } of CLOSING) {
      const answers: string[] = []
      for (const server of [pair.fast, pair.plain]) {
        const connection = await rawConnection(server.port)
        connection.send(bytes)
        answers.push(withoutDate(await connection.next()))
        // Closed by the server, not by this side.
        expect((await connection.closed()).text, label).toBe('')
      }
      expect(answers[0], label).toBe(answers[1])
      expect(answers[0], label).toContain('\r\nConnection: close\r\n')
    }
  })

  it('leaves every request it does not take to node:http, which answers it as before', async () => {
    for (const { label, bytes } of DECLINED) {
      const fast = await alone(pair.fast, bytes)
      const plain = await alone(pair.plain, bytes)
      expect(fast, label).toBe(plain)
      expect(fast.length, label).toBeGreaterThan(0)
    }
  })
})

describe('the fast path against node:http, for answers that interceptors give', () => {
  let pair: Pair
  beforeAll(async () => {
    pair = await startPair({ captureBodies: false })
    for (const server of [pair.fast, pair.plain]) {
      server.mock.faults.add({
        match: { operationId: 'findInstances' },
        action: { type: 'status', status: 503, body: 'busy <now>' },
      })
      server.mock.faults.add({
        match: { operationId: 'registerInstance' },
        action: { type: 'error', errorCode: '500011', detail: 'injected' },
      })
      server.mock.faults.add({ match: { operationId: 'getService' }, action: { type: 'network' } })
    }
  })
  afterAll(async () => {
    await pair.fast.close()
    await pair.plain.close()
  })

  it('writes a fault the same way, and closes where the body went unread', async () => {
    const sequence = [
      { label: 'status fault', bytes: request('GET', FIND) },
      {
        label: 'error fault on a POST',
        bytes: request('POST', '/v4/default/registry/microservices/parity1/instances', {
          body: JSON.stringify({ instance: INSTANCE }),
        }),
      },
    ]
    const fast = await converse(pair.fast, sequence)
    const plain = await converse(pair.plain, sequence)
    expect(fast).toEqual(plain)
    expect(fast[0]).toMatch(/^HTTP\/1\.1 503 /)
    expect(fast[1]).toMatch(/^HTTP\/1\.1 500 /)
    // The fault answered before the body was read: the connection cannot be reused.
    expect(fast[1]).toContain('\r\nConnection: close\r\n')
  })

  it('drops the connection for a network fault, as node:http does', async () => {
    for (const server of [pair.fast, pair.plain]) {
      const connection = await rawConnection(server.port)
      connection.send(request('GET', '/v4/default/registry/microservices/parity1'))
      expect((await connection.closed()).text).toBe('')
    }
  })
})

describe('the fast path against node:http, with RBAC on', () => {
  let pair: Pair
  beforeAll(async () => {
    pair = await startPair({ rbac: { rootPassword: 'Root#Pa55word' } })
  })
  afterAll(async () => {
    await pair.fast.close()
    await pair.plain.close()
  })

  it('refuses calls without a token with the same bytes', async () => {
    const sequence = [
      { label: 'no token', bytes: request('GET', FIND) },
      {
        label: 'bad token',
        bytes: request('GET', FIND, { headers: ['Authorization: Bearer nope'] }),
      },
      {
        label: 'websocket route without upgrade',
        bytes: request('GET', '/v4/default/registry/microservices/parity1/watcher'),
      },
    ]
    const fast = await converse(pair.fast, sequence)
    const plain = await converse(pair.plain, sequence)
    expect(fast).toEqual(plain)
    expect(fast[0]).toMatch(/^HTTP\/1\.1 401 /)
  })
})
