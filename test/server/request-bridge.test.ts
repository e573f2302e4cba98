import { Agent, createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { HttpResponse, http, type RequestHandler } from 'msw'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RequestLogEntry } from '../../src/faults/types.ts'
import { createRequestListener } from '../../src/server/request-listener.ts'

const entries: RequestLogEntry[] = []
let server: Server
let origin = ''
const keepAliveAgent = new Agent({ keepAlive: true, maxSockets: 1 })

const handlers: RequestHandler[] = [
  http.post('*/echo', async ({ request }) => {
    const text = await request.text()
    return HttpResponse.json({
      method: request.method,
      url: request.url,
      header: request.headers.get('x-custom'),
      text,
    })
  }),
  http.get('*/cookies', () => {
    const headers = new Headers()
    headers.append('Set-Cookie', 'a=1')
    headers.append('Set-Cookie', 'b=2')
    return new HttpResponse('ok', { headers })
  }),
  http.get('*/stream', () => {
    const encoder = new TextEncoder()
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 100) return controller.close()
        sent += 1
        controller.enqueue(encoder.encode(`${'x'.repeat(999)}\n`))
      },
    })
    return new HttpResponse(body)
  }),
  http.get('*/network', () => Response.error()),
  http.get('*/v4/:project/registry/health', () => {
    throw new Error('the registry blew up')
  }),
]

beforeAll(async () => {
  server = createServer(
    createRequestListener({
      handlers: () => ({ routed: handlers, all: handlers }),
      origin: () => origin,
      closing: () => false,
      onRequest: (entry) => entries.push(entry),
    }),
  )
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  keepAliveAgent.destroy()
  server.closeAllConnections()
  await new Promise((done) => server.close(done))
})

describe('the node:http bridge to MSW handlers', () => {
  it('hands the handler the method, headers, URL and a streamed body', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('hello '))
        controller.enqueue(new TextEncoder().encode('world'))
        controller.close()
      },
    })
    const response = await fetch(`${origin}/echo?x=1`, {
      method: 'POST',
      headers: { 'X-Custom': 'yes' },
      body,
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      method: 'POST',
      url: `${origin}/echo?x=1`,
      header: 'yes',
      text: 'hello world',
    })
  })

  it('keeps several Set-Cookie headers apart and sends small bodies with Content-Length', async () => {
    const response = await fetch(`${origin}/cookies`)
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2'])
    expect(response.headers.get('content-length')).toBe('2')
    expect(await response.text()).toBe('ok')
  })

  it('streams a long body chunked and intact', async () => {
    const response = await fetch(`${origin}/stream`)
    expect(response.headers.get('transfer-encoding')).toBe('chunked')
    const text = await response.text()
    expect(text.length).toBe(100_000)
    expect(text.split('\n').filter(Boolean)).toHaveLength(100)
  })

  it("answers Go's plain-text 404 when no handler takes the request", async () => {
    const response = await fetch(`${origin}/nowhere`)
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/)
    expect(await response.text()).toBe('404 page not found\n')
  })

  it("answers the registry's 500 envelope when a handler throws", async () => {
    const response = await fetch(`${origin}/v4/default/registry/health`)
    expect(response.status).toBe(500)
    expect(await response.json()).toMatchObject({ errorCode: '500003' })
  })

  it('drops the connection for Response.error()', async () => {
    await expect(fetch(`${origin}/network`)).rejects.toThrow()
    // The server keeps serving afterwards.
    expect((await fetch(`${origin}/cookies`)).status).toBe(200)
  })

  it('keeps connections alive between requests', async () => {
    const sockets = new Set<unknown>()
    for (let i = 0; i < 2; i += 1) {
      await new Promise<void>((done, fail) => {
        const req = httpRequest(`${origin}/cookies`, { agent: keepAliveAgent }, (res) => {
          sockets.add(req.socket)
          // Kept alive without saying so, as Go's server does for HTTP/1.1.
          expect(res.headers.connection).toBeUndefined()
          res.resume().once('end', done)
        })
        req.once('error', fail).end()
      })
    }
    expect(sockets.size).toBe(1)
  })

  it('reports every request with its status, duration and operationId', async () => {
    entries.length = 0
    await fetch(`${origin}/nowhere?q=1`)
    await fetch(`${origin}/v4/default/registry/health`)
    await fetch(`${origin}/network`).catch(() => undefined)
    await poll(() => entries.length === 3)
    const byUrl = Object.fromEntries(entries.map((entry) => [entry.url, entry]))
    expect(byUrl['/nowhere?q=1']).toMatchObject({ method: 'GET', status: 404 })
    expect(byUrl['/nowhere?q=1']?.operationId).toBeUndefined()
    expect(byUrl['/v4/default/registry/health']).toMatchObject({
      status: 500,
      operationId: 'getHealth',
    })
    expect(byUrl['/network']).toMatchObject({ status: 0 })
    for (const entry of entries) {
      expect(entry.durationMs).toBeGreaterThanOrEqual(0)
      expect(Number.isNaN(Date.parse(entry.time))).toBe(false)
    }
  })
})

async function poll(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((done) => setTimeout(done, 5))
}
