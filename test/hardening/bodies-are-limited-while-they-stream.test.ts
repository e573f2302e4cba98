import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { type CseMockServer, startCseMockServer } from '../../src/server/index.ts'
import { createService, registerInstance } from '../server/registry-calls.ts'
import { rawRequest } from './raw-http.ts'

let server: CseMockServer
beforeAll(async () => {
  server = await startCseMockServer({ port: 0 })
})
afterAll(() => server.close())

/**
 * Streams `chunks` × 64 KiB of JSON-ish filler as a chunked body and resolves with the answer
 * and how many bytes had been sent when it arrived.
 */
function streamBody(method: string, path: string, chunks: number) {
  return new Promise<{ status: number; body: string; sentWhenAnswered: number }>(
    (resolve, reject) => {
      let sent = 0
      let sentWhenAnswered = -1
      const req = request(`${server.url}${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      })
      req.on('response', (res) => {
        sentWhenAnswered = sent
        let body = ''
        res.on('data', (chunk) => {
          body += chunk
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sentWhenAnswered }))
      })
      req.on('error', (error) => (sentWhenAnswered >= 0 ? undefined : reject(error)))
      const filler = Buffer.alloc(64 * 1024, 0x20)
      req.write('{"service":{"description":"')
      const pump = () => {
        while (sent < chunks * filler.length && sentWhenAnswered < 0) {
          sent += filler.length
          if (!req.write(filler)) {
            req.once('drain', pump)
            return
          }
        }
        if (sentWhenAnswered < 0) req.end('"}}')
      }
      pump()
    },
  )
}

describe('every body is limited while it streams', () => {
  it('answers a 64 MiB chunked registry body with 400001 before it has all arrived', async () => {
    const answer = await streamBody('POST', '/v4/default/registry/microservices', 1024)
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.body)).toMatchObject({
      errorCode: '400001',
      detail: expect.stringContaining('request body too large'),
    })
    expect(answer.sentWhenAnswered).toBeLessThan(64 * 1024 * 1024)
  })

  it('answers a 64 MiB chunked control body with 413 BODY_TOO_LARGE before it has all arrived', async () => {
    const answer = await streamBody('PUT', '/__cse-mock/snapshot', 1024)
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'BODY_TOO_LARGE' } })
    expect(answer.sentWhenAnswered).toBeLessThan(64 * 1024 * 1024)
  })

  it('refuses a declared Content-Length over the control limit without reading the body', async () => {
    const answer = await rawRequest(
      server.port,
      'PUT /__cse-mock/snapshot HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 600000000\r\n\r\n{',
    )
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'BODY_TOO_LARGE' } })
  })

  it('closes a websocket that sends a frame over 4 KiB with 1009, and keeps serving', async () => {
    const serviceId = await createService(server.url, {
      appId: 'limits',
      serviceName: 'frames',
      version: '1.0.0',
    })
    const instanceId = await registerInstance(server.url, serviceId, 'frames-1')
    const socket = new WebSocket(
      `${server.url.replace('http', 'ws')}/v4/default/registry/microservices/${serviceId}/instances/${instanceId}/heartbeat`,
    )
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)))
    socket.on('error', () => undefined)
    await new Promise((open) => socket.once('open', open))
    socket.send(Buffer.alloc(4 * 1024))
    socket.send(Buffer.alloc(64 * 1024))
    expect(await closed).toBe(1009)
    expect((await fetch(`${server.url}/v4/default/registry/health`)).status).toBe(200)
  })

  it('answers a URL over the 32 KiB header limit with 431 and the registry envelope', async () => {
    const answer = await rawRequest(
      server.port,
      `GET /v4/default/registry/microservices?x=${'a'.repeat(40_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`,
    )
    expect(answer.status).toBe(431)
    expect(JSON.parse(answer.body)).toMatchObject({ errorCode: '400001' })
    const headers = await rawRequest(
      server.port,
      `GET /v4/default/registry/version HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'b'.repeat(40_000)}\r\n\r\n`,
    )
    expect(headers.status).toBe(431)
    expect(JSON.parse(headers.body)).toMatchObject({ errorCode: '400001' })
  })

  it('still takes headers of 20 KiB, under Service Center’s 32 KiB limit', async () => {
    const response = await fetch(`${server.url}/v4/default/registry/version`, {
      headers: { 'X-Padding': 'p'.repeat(20_000) },
    })
    expect(response.status).toBe(200)
  })
})
