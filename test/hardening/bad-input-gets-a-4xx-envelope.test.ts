import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RequestLogEntry } from '../../src/faults/types.ts'
import { type CseMockServer, startCseMockServer } from '../../src/server/index.ts'
import { call, createService, registerInstance } from '../server/registry-calls.ts'
import { headerOf, rawRequest } from './raw-http.ts'

let server: CseMockServer
const logged: RequestLogEntry[] = []
beforeAll(async () => {
  server = await startCseMockServer({ port: 0, onRequest: (entry) => logged.push(entry) })
})
afterAll(() => server.close())

const REGISTRY = '/v4/default/registry'
const deep = `${'['.repeat(5_000)}${']'.repeat(5_000)}`

const post = (path: string, body: string) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
  })

describe('bad input gets a 4xx envelope, never a 5xx', () => {
  it('answers JSON nested 5,000 deep with 400001 on registry operations', async () => {
    for (const body of [`{"service":${deep}}`, deep, `{"service":{"properties":${deep}}}`]) {
      const response = await post(`${REGISTRY}/microservices`, body)
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({ errorCode: '400001' })
    }
  })

  it('answers JSON nested 5,000 deep with a 400 control error on POST /__cse-mock/faults', async () => {
    for (const body of [
      `{"action":${deep}}`,
      `{"action":{"type":"status","status":503},"match":${deep}}`,
    ]) {
      const response = await post('/__cse-mock/faults', body)
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({ error: { code: 'INVALID_FAULT_RULE' } })
    }
  })

  it('answers TRACE with 405 and Allow on a registry path, 404 on an unknown one', async () => {
    const trace = await rawRequest(
      server.port,
      `TRACE ${REGISTRY}/version HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
    )
    expect(trace.status).toBe(405)
    expect(headerOf(trace, 'allow')).toBe('GET')
    const unknown = await rawRequest(
      server.port,
      'TRACE /nowhere HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n',
    )
    expect(unknown.status).toBe(404)
    const control = await rawRequest(
      server.port,
      'TRACE /__cse-mock/faults HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n',
    )
    expect(control.status).toBe(405)
    expect(headerOf(control, 'allow')).toBe('GET, POST, DELETE')
    expect(JSON.parse(control.body)).toMatchObject({ error: { code: 'METHOD_NOT_ALLOWED' } })
  })

  it('answers a method HTTP does not know with a 400 envelope', async () => {
    const answer = await rawRequest(
      server.port,
      `BREW ${REGISTRY}/version HTTP/1.1\r\nHost: localhost\r\n\r\n`,
    )
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.body)).toMatchObject({ errorCode: '400001' })
  })

  it('answers other methods on the websocket paths with 405 and Allow: GET', async () => {
    const path = `${REGISTRY}/microservices/abc/watcher`
    const plain = await fetch(`${server.url}${path}`, { method: 'POST' })
    expect(plain.status).toBe(405)
    expect(plain.headers.get('allow')).toBe('GET')
    const upgrade = await rawRequest(
      server.port,
      `POST ${path} HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    )
    expect(upgrade.status).toBe(405)
    expect(headerOf(upgrade, 'allow')).toBe('GET')
  })

  it('answers a broken websocket handshake with plain-text 400', async () => {
    const answer = await rawRequest(
      server.port,
      `GET ${REGISTRY}/microservices/abc/watcher HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n`,
    )
    expect(answer.status).toBe(400)
    expect(headerOf(answer, 'content-type')).toMatch(/^text\/plain/)
  })

  it('logs a request whose client hung up before the answer as status 0', async () => {
    const serviceId = await createService(server.url, {
      appId: 'abort',
      serviceName: 'hangup',
      version: '1.0.0',
    })
    await new Promise<void>((done) => {
      const req = request(`${server.url}${REGISTRY}/microservices/${serviceId}/instances`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': '1000' },
      })
      req.on('error', () => done())
      req.write('{"instance":')
      setTimeout(() => req.destroy(), 100)
    })
    await expect
      .poll(() => logged.find((entry) => entry.url.includes(`${serviceId}/instances`))?.status)
      .toBe(0)
  })

  it('stores a "__proto__" property key as data, as Go does, and gives it back', async () => {
    const serviceId = await createService(server.url, {
      appId: 'proto',
      serviceName: 'keys',
      version: '1.0.0',
    })
    const properties = JSON.parse('{"__proto__":"x","constructor":"y","a":"b"}')
    await call(server.url, 'PUT', `${REGISTRY}/microservices/${serviceId}/properties`, {
      properties,
    })
    const { service } = (await call(
      server.url,
      'GET',
      `${REGISTRY}/microservices/${serviceId}`,
    )) as {
      service: { properties: Record<string, string> }
    }
    expect(Object.getOwnPropertyNames(service.properties).sort()).toEqual([
      '__proto__',
      'a',
      'constructor',
    ])
    expect(Object.getPrototypeOf(service.properties)).toBe(Object.prototype)
    const instanceId = await registerInstance(server.url, serviceId, 'proto-1')
    await call(
      server.url,
      'PUT',
      `${REGISTRY}/microservices/${serviceId}/instances/${instanceId}/properties`,
      { properties },
    )
    const snapshot = await (await fetch(`${server.url}/__cse-mock/snapshot`)).text()
    expect(snapshot.match(/"__proto__": ?"x"/g)?.length).toBe(2)
    const restored = await fetch(`${server.url}/__cse-mock/snapshot`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: snapshot,
    })
    expect(restored.status).toBe(204)
    const again = await (await fetch(`${server.url}/__cse-mock/snapshot`)).text()
    expect(again.match(/"__proto__": ?"x"/g)?.length).toBe(2)
  })
})
