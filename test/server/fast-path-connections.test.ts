import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RequestLogEntry } from '../../src/faults/types.ts'
import { type CseMockServer, startCseMockServer } from '../../src/server/index.ts'
import { rawConnection } from './raw-connection.ts'

// How the fast path keeps a connection: answers in order, hand-over to node:http at the first
// request it does not take, requests that arrive in pieces, clients that do not read, shutdown.

const VERSION = 'GET /v4/default/registry/version HTTP/1.1\r\nHost: x\r\n\r\n'
const CONTROL = 'GET /__cse-mock/faults HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'
const SERVICE = JSON.stringify({
  service: { serviceId: 'conn1', appId: 'conn', serviceName: 'conn', version: '1.0.0' },
})
const CREATE = `POST /v4/default/registry/microservices HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${SERVICE.length}\r\n\r\n${SERVICE}`

function statusOf(answer: string): number {
  return Number(answer.slice(9, 12))
}

describe('connections on the fast path', () => {
  let server: CseMockServer
  const log: RequestLogEntry[] = []
  beforeAll(async () => {
    server = await startCseMockServer({ port: 0, onRequest: (entry) => log.push(entry) })
  })
  afterAll(() => server.close())

  it('answers pipelined requests in order, across the hand-over to node:http', async () => {
    const connection = await rawConnection(server.port)
    log.length = 0
    connection.send(VERSION + VERSION + CONTROL + VERSION + CONTROL)
    const answers = []
    for (let i = 0; i < 5; i++) answers.push(await connection.next())
    expect(answers.map(statusOf)).toEqual([200, 200, 200, 200, 200])
    expect(answers[0]).toContain('"apiVersion"')
    expect(answers[2]).toContain('"faults"')
    expect(answers[3]).toContain('"apiVersion"')
    expect(answers[4]).toContain('"faults"')
    // One numbering for both paths, in the order the requests came (node:http logs each when
    // its answer is done, which for pipelined requests need not be in order).
    const bySeq = [...log].sort((a, b) => a.seq - b.seq)
    expect(bySeq.map((entry) => entry.url)).toEqual([
      '/v4/default/registry/version',
      '/v4/default/registry/version',
      '/__cse-mock/faults',
      '/v4/default/registry/version',
      '/__cse-mock/faults',
    ])
    expect(new Set(log.map((entry) => entry.seq)).size).toBe(5)
    expect(bySeq[0]!.operationId).toBe('getVersion')
    expect(bySeq.map((entry) => entry.status)).toEqual([200, 200, 200, 200, 200])
    connection.destroy()
  })

  it('answers a request whose body comes in a later packet', async () => {
    const connection = await rawConnection(server.port)
    const split = CREATE.indexOf('\r\n\r\n') + 4
    connection.send(CREATE.slice(0, split))
    await new Promise((resolve) => setTimeout(resolve, 30))
    connection.send(CREATE.slice(split))
    const answer = await connection.next()
    expect(statusOf(answer)).toBe(200)
    expect(answer).toContain('{"serviceId":"conn1"}')
    connection.send(VERSION)
    expect(statusOf(await connection.next())).toBe(200)
    connection.destroy()
  })

  it('answers a request sent a byte at a time', async () => {
    const connection = await rawConnection(server.port)
    for (const byte of VERSION) {
      connection.send(byte)
      await new Promise((resolve) => setImmediate(resolve))
    }
    expect(await connection.next()).toContain('"apiVersion"')
    connection.destroy()
  })

  it('serves a client that sends a thousand requests before reading any answer', async () => {
    const connection = await rawConnection(server.port)
    connection.socket.pause()
    const count = 1000
    connection.send(VERSION.repeat(count))
    await new Promise((resolve) => setTimeout(resolve, 100))
    connection.socket.resume()
    for (let i = 0; i < count; i++) expect(statusOf(await connection.next())).toBe(200)
    connection.send(VERSION)
    expect(statusOf(await connection.next())).toBe(200)
    connection.destroy()
  })
})

describe('shutdown with connections on the fast path', () => {
  it('closes idle kept-alive connections at once and lets an answer in flight finish', async () => {
    const server = await startCseMockServer({ port: 0, shutdownTimeoutMs: 5_000 })
    server.mock.faults.add({
      match: { operationId: 'getVersion' },
      action: { type: 'latency', ms: 300 },
    })
    const idle = await rawConnection(server.port)
    idle.send('GET /v4/default/registry/health HTTP/1.1\r\nHost: x\r\n\r\n')
    expect(statusOf(await idle.next())).toBe(200)
    const busy = await rawConnection(server.port)
    busy.send(VERSION)
    await new Promise((resolve) => setTimeout(resolve, 50))
    const started = performance.now()
    const closing = server.close()
    expect((await idle.closed()).text).toBe('')
    const answer = await busy.next()
    expect(statusOf(answer)).toBe(200)
    expect(answer).toContain('\r\nConnection: close\r\n')
    await busy.closed()
    await closing
    // Well before the 5 s deadline: nothing waited for it.
    expect(performance.now() - started).toBeLessThan(3_000)
  })
})
