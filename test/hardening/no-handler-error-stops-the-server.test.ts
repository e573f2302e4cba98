import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { createCseMock } from '../../src/mock.ts'
import type { Registry } from '../../src/registry/index.ts'
import { type CseMockServer, startCseMockServer } from '../../src/server/index.ts'
import { rawRequest } from './raw-http.ts'

let server: CseMockServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const healthy = async (url: string) => (await fetch(`${url}/v4/default/registry/health`)).status

const closeOf = (socket: WebSocket) =>
  new Promise<{ code: number; reason: Buffer }>((resolve) => {
    socket.on('error', () => undefined)
    socket.once('close', (code, reason) => resolve({ code, reason }))
  })

/** A registry whose chosen members throw what no handler expects. */
function sabotaged(registry: Registry, members: Record<string, () => never>): Registry {
  return new Proxy(registry, {
    get(target, name, receiver) {
      const sabotage = members[String(name)]
      if (sabotage && name === 'requiresAuth') return sabotage()
      if (sabotage) return sabotage
      const value = Reflect.get(target, name, receiver)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

describe('no exception in a request, upgrade or socket handler stops the server', () => {
  it('closes a heartbeat socket whose non-ASCII instanceId is echoed with a reason of at most 123 bytes', async () => {
    server = await startCseMockServer({ port: 0 })
    const instanceId = '%E4%B8%AD'.repeat(40)
    const socket = new WebSocket(
      `${server.url.replace('http', 'ws')}/v4/default/registry/microservices/nope/instances/${instanceId}/heartbeat`,
    )
    const { code, reason } = await closeOf(socket)
    expect(code).toBe(4001)
    expect(reason.byteLength).toBeGreaterThan(0)
    expect(reason.byteLength).toBeLessThanOrEqual(123)
    // The reason is cut at a character boundary: it decodes without replacement characters.
    expect(reason.toString('utf8')).not.toContain('\uFFFD')
    expect(await healthy(server.url)).toBe(200)
  })

  it('survives a throwing upgrade listener and a throwing websocket listener, and reports both', async () => {
    const mock = await createCseMock()
    const errors: string[] = []
    const broken = sabotaged(mock.registry, {
      watch: () => {
        // Not an Error, and not convertible to text: even describing it throws.
        throw Object.create(null)
      },
    })
    server = await startCseMockServer({
      port: 0,
      mock: { ...mock, registry: broken },
      onError: (_error, source) => errors.push(source),
    })
    const ws = server.url.replace('http', 'ws')
    const watcher = new WebSocket(`${ws}/v4/default/registry/microservices/c1/watcher`)
    // The connection listener threw: the socket is cut instead of the process.
    expect([1005, 1006]).toContain((await closeOf(watcher)).code)
    expect(errors).toEqual(['websocket'])
    expect(await healthy(server.url)).toBe(200)

    await server.close()
    const refusing = sabotaged(mock.registry, {
      requiresAuth: () => {
        throw new TypeError('auth state lost')
      },
    })
    errors.length = 0
    server = await startCseMockServer({
      port: 0,
      mock: { ...mock, registry: refusing },
      onError: (_error, source) => errors.push(source),
    })
    const upgrade = new WebSocket(
      `${server.url.replace('http', 'ws')}/v4/default/registry/microservices/c1/watcher`,
    )
    expect([1005, 1006]).toContain((await closeOf(upgrade)).code)
    expect(errors).toEqual(['upgrade'])
    expect(await healthy(server.url)).toBe(200)
  })

  it('answers a request whose handler throws with the 500 envelope and keeps serving', async () => {
    const mock = await createCseMock()
    const original = mock.registry.getService.bind(mock.registry)
    mock.registry.getService = () => {
      throw new TypeError('storage went away')
    }
    server = await startCseMockServer({ port: 0, mock })
    const response = await fetch(`${server.url}/v4/default/registry/microservices/abc`)
    expect(response.status).toBe(500)
    expect(await response.json()).toMatchObject({ errorCode: '500003' })
    mock.registry.getService = original
    expect(await healthy(server.url)).toBe(200)
  })

  it('answers what the HTTP parser refuses with a 400 envelope and keeps serving', async () => {
    server = await startCseMockServer({ port: 0 })
    const answer = await rawRequest(server.port, 'GET / HTTP/1.1\r\nHost localhost\r\n\r\n')
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.body)).toMatchObject({ errorCode: '400001' })
    const garbage = await rawRequest(server.port, '\u0000\u0001 not http at all\r\n\r\n')
    expect(garbage.status).toBe(400)
    expect(await healthy(server.url)).toBe(200)
  })
})
