import { Agent, request as httpRequest } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import {
  type CseMockServer,
  CseMockServerError,
  startCseMockServer,
} from '../../src/server/index.ts'

const started: CseMockServer[] = []

async function start(options: Parameters<typeof startCseMockServer>[0] = {}) {
  const server = await startCseMockServer({ port: 0, ...options })
  started.push(server)
  return server
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()))
})

describe('startCseMockServer', () => {
  it('serves the mock it was given on a free port', async () => {
    const server = await start({ seed: 3 })
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`)
    expect(server.mock.registry.stats().instances).toBeGreaterThan(0)
    const response = await fetch(`${server.url}/v4/default/registry/microservices`)
    expect(response.status).toBe(200)
    const { services } = (await response.json()) as { services: unknown[] }
    expect(services).toHaveLength(server.mock.registry.stats().services)
  })

  it('routes the control API before the registry', async () => {
    const server = await start({ clock: 'virtual' })
    const before = server.mock.clock.now()
    const response = await fetch(`${server.url}/__cse-mock/clock/advance`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ms: 60_000 }),
    })
    expect(response.status).toBe(200)
    expect(server.mock.clock.now()).toBe(before + 60_000)
  })

  it('drops the connection when a network fault applies', async () => {
    const server = await start()
    server.mock.faults.add({ match: { operationId: 'getVersion' }, action: { type: 'network' } })
    await expect(fetch(`${server.url}/v4/default/registry/version`)).rejects.toThrow()
    expect((await fetch(`${server.url}/v4/default/registry/health`)).status).toBe(200)
  })

  it('refuses a port that is taken with ERR_PORT_IN_USE', async () => {
    const first = await start()
    const error = await startCseMockServer({ port: first.port }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CseMockServerError)
    expect(error).toMatchObject({ code: 'ERR_PORT_IN_USE' })
    expect((error as Error).message).toMatch(/^Failed to start the server: .* already in use\. /)
  })

  it('refuses a port outside 0–65535 with ERR_INVALID_PORT', async () => {
    await expect(startCseMockServer({ port: 70_000 })).rejects.toMatchObject({
      code: 'ERR_INVALID_PORT',
    })
  })

  it('closes promptly with idle keep-alive connections open', async () => {
    const server = await start()
    const agent = new Agent({ keepAlive: true })
    try {
      await new Promise<void>((done, fail) => {
        httpRequest(`${server.url}/v4/default/registry/version`, { agent }, (res) =>
          res.resume().once('end', done),
        )
          .once('error', fail)
          .end()
      })
      // Without closing idle sockets this would wait for the 65 s keep-alive timeout.
      await server.close()
      await expect(fetch(`${server.url}/v4/default/registry/version`)).rejects.toThrow()
    } finally {
      agent.destroy()
    }
  })

  it('finishes an in-flight request before close() resolves', async () => {
    const server = await start()
    server.mock.faults.add({
      match: { operationId: 'getVersion' },
      action: { type: 'latency', ms: 300 },
    })
    const slow = fetch(`${server.url}/v4/default/registry/version`)
    while (server.mock.faults.list()[0]?.hits !== 1) await new Promise((d) => setTimeout(d, 10))
    let closed = false
    const closing = server.close().then(() => {
      closed = true
    })
    const response = await slow
    expect(response.status).toBe(200)
    expect(response.headers.get('connection')).toBe('close')
    await closing
    expect(closed).toBe(true)
  })

  it('refuses websocket upgrades on other paths with a 404', async () => {
    const server = await start()
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/v4/default/registry/health`)
    socket.on('error', () => {})
    const status = await new Promise<number>((resolve) => {
      socket.once('unexpected-response', (req, res) => {
        req.destroy()
        resolve(res.statusCode ?? 0)
      })
      socket.once('open', () => {
        socket.terminate()
        resolve(101)
      })
    })
    expect(status).toBe(404)
  })

  it('answers a plain GET on the watcher path with 400, as the upgrader does', async () => {
    const server = await start()
    const response = await fetch(`${server.url}/v4/default/registry/microservices/x/watcher`)
    expect(response.status).toBe(400)
    // gorilla/websocket's own plain-text refusal, as Service Center sends it.
    expect(await response.text()).toBe('Bad Request\n')
    expect(response.headers.get('sec-websocket-version')).toBe('13')
  })
})
