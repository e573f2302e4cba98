import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { type CseMockServer, startCseMockServer } from '../../src/server/index.ts'
import { rawRequest } from './raw-http.ts'

let server: CseMockServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const ACCOUNTS = { alice: 'Alice-Pa55' }

const control = (
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
) =>
  fetch(`${server!.url}/__cse-mock${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
  })

async function tokenOf(url: string): Promise<string> {
  const response = await fetch(`${url}/v4/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'alice', password: ACCOUNTS.alice }),
  })
  return ((await response.json()) as { token: string }).token
}

const upgradeStatus = (url: string, headers: Record<string, string>) =>
  new Promise<number>((resolve) => {
    const socket = new WebSocket(
      `${url.replace('http', 'ws')}/v4/default/registry/microservices/none/watcher`,
      { headers },
    )
    socket.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      socket.terminate()
    })
    socket.on('open', () => {
      resolve(101)
      socket.terminate()
    })
    socket.on('error', () => undefined)
  })

describe('no web page can drive the mock', () => {
  it('refuses a simple cross-site request (text/plain) on a control write with 415', async () => {
    server = await startCseMockServer({ port: 0 })
    const response = await control(
      'POST',
      '/faults',
      { 'Content-Type': 'text/plain' },
      '{"action":{"type":"status","status":503}}',
    )
    expect(response.status).toBe(415)
    expect(await response.json()).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } })
    expect(server.mock.faults.list()).toEqual([])
  })

  it('refuses control calls from another site’s page with 403, and takes the server’s own', async () => {
    server = await startCseMockServer({ port: 0 })
    const foreign = await control('POST', '/reset', { Origin: 'http://evil.example' })
    expect(foreign.status).toBe(403)
    expect(await foreign.json()).toMatchObject({ error: { code: 'CROSS_ORIGIN' } })
    expect((await control('GET', '/snapshot', { Origin: 'null' })).status).toBe(403)
    const own = await control('GET', '/snapshot', { Origin: server.url })
    expect(own.status).toBe(200)
  })

  it('refuses a rebound host name (DNS rebinding) and accepts loopback names, IPs and --allowed-hosts', async () => {
    server = await startCseMockServer({ port: 0, allowedHosts: ['mock.test', '.corp.test'] })
    const get = (host: string) =>
      rawRequest(
        server!.port,
        `GET /__cse-mock/snapshot HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
      )
    const rebound = await get(`attacker.example:${server.port}`)
    expect(rebound.status).toBe(403)
    expect(JSON.parse(rebound.body)).toMatchObject({ error: { code: 'HOST_NOT_ALLOWED' } })
    for (const host of [
      'localhost',
      'app.localhost',
      '127.0.0.1',
      '[::1]',
      '10.1.2.3',
      'mock.test',
      'a.corp.test',
    ]) {
      expect((await get(`${host}:${server.port}`)).status, host).toBe(200)
    }
    expect((await get('evilmock.test')).status).toBe(403)
    expect((await get(`attacker.example@localhost:${server.port}`)).status).toBe(403)
  })

  it('keeps answering browsers on the registry routes, whatever their origin', async () => {
    server = await startCseMockServer({ port: 0 })
    const response = await fetch(`${server.url}/v4/default/registry/version`, {
      headers: { Origin: 'http://portal.example' },
    })
    expect(response.status).toBe(200)
  })

  it('refuses a websocket upgrade from another site’s page with 403', async () => {
    server = await startCseMockServer({ port: 0 })
    expect(await upgradeStatus(server.url, { Origin: 'http://evil.example' })).toBe(403)
    expect(await upgradeStatus(server.url, { Origin: server.url })).toBe(101)
  })

  it('asks for the registry’s token on the control API and the websockets when accounts are configured', async () => {
    server = await startCseMockServer({ port: 0, accounts: ACCOUNTS })
    const anonymous = await control('GET', '/snapshot')
    expect(anonymous.status).toBe(401)
    expect(await anonymous.json()).toEqual({
      errorCode: '401204',
      errorMessage: 'No authorization header',
    })
    for (const [method, path] of [
      ['POST', '/reset'],
      ['POST', '/seed'],
      ['PUT', '/snapshot'],
      ['POST', '/faults'],
      ['GET', '/requests'],
    ] as const) {
      expect((await control(method, path)).status, `${method} ${path}`).toBe(401)
    }
    const forged = await control('GET', '/snapshot', { Authorization: 'Bearer not-a-token' })
    expect(forged.status).toBe(401)
    const token = await tokenOf(server.url)
    const authorized = await control('GET', '/snapshot', { Authorization: `Bearer ${token}` })
    expect(authorized.status).toBe(200)
    // Refused the way Service Center refuses it with RBAC on: a bodiless 200, no upgrade.
    expect(await upgradeStatus(server.url, {})).toBe(200)
    expect(await upgradeStatus(server.url, { Authorization: 'Bearer forged' })).toBe(200)
    expect(await upgradeStatus(server.url, { Authorization: `Bearer ${token}` })).toBe(101)
  })
})
