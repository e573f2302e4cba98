import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { killAllCli, type ServingProcess, startServe } from './cli-process.ts'
import { call, createService, discover, registerInstance } from './registry-calls.ts'

let server: ServingProcess
let wsUrl = ''
const sockets: WebSocket[] = []

beforeAll(async () => {
  server = await startServe(['--ws-ping-interval', '400', '--quiet'])
  wsUrl = server.url.replace(/^http/, 'ws')
})

afterAll(async () => {
  for (const socket of sockets) socket.terminate()
  await killAllCli()
})

function connect(path: string): WebSocket {
  const socket = new WebSocket(`${wsUrl}${path}`)
  sockets.push(socket)
  return socket
}

/** Collects text frames and resolves them one by one, in order. */
function frames(socket: WebSocket) {
  const queue: string[] = []
  const waiting: ((frame: string) => void)[] = []
  socket.on('message', (data) => {
    const frame = String(data)
    const next = waiting.shift()
    if (next) next(frame)
    else queue.push(frame)
  })
  return () =>
    new Promise<string>((resolve) => {
      const frame = queue.shift()
      if (frame !== undefined) resolve(frame)
      else waiting.push(resolve)
    })
}

const opened = (socket: WebSocket) =>
  new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })

const closed = (socket: WebSocket) =>
  new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })),
  )

describe('the watcher websocket', () => {
  it('pushes CREATE and DELETE for a provider the consumer discovered', async () => {
    const consumerId = await createService(server.url, {
      appId: 'shop',
      serviceName: 'gateway',
      version: '1.0.0',
    })
    const providerId = await createService(server.url, {
      appId: 'shop',
      serviceName: 'inventory',
      version: '1.0.0',
    })
    expect(await discover(server.url, 'shop', 'inventory', consumerId)).toEqual([])
    const socket = connect(`/v4/default/registry/microservices/${consumerId}/watcher`)
    const next = frames(socket)
    await opened(socket)

    const instanceId = await registerInstance(server.url, providerId, 'inventory-1')
    const created = JSON.parse(await next())
    expect(created).toMatchObject({
      action: 'CREATE',
      key: { appId: 'shop', serviceName: 'inventory', version: '1.0.0' },
      instance: { instanceId, serviceId: providerId },
    })

    await call(
      server.url,
      'DELETE',
      `/v4/default/registry/microservices/${providerId}/instances/${instanceId}`,
    )
    const deleted = JSON.parse(await next())
    expect(deleted).toMatchObject({ action: 'DELETE', instance: { instanceId } })
  })

  it('sends service does not exist and drops the connection for an unknown consumer, as SC', async () => {
    const socket = connect('/v4/default/registry/microservices/no-such-consumer/watcher')
    const next = frames(socket)
    const code = new Promise<number>((resolve) => socket.once('close', (c: number) => resolve(c)))
    expect(await next()).toBe('service does not exist')
    // 1006: the connection went away without a close frame.
    expect(await code).toBe(1006)
  })
})

describe('the heartbeat websocket', () => {
  it('keeps an instance alive with pongs while an instance without heartbeats expires', async () => {
    const serviceId = await createService(server.url, {
      appId: 'shop',
      serviceName: 'pinger',
      version: '1.0.0',
    })
    // TTL = interval × (times + 1) = 6 s, far above the 400 ms pings (the cse profile keeps it).
    const healthCheck = { mode: 'push', interval: 3, times: 1 } as const
    const kept = await registerInstance(server.url, serviceId, 'kept-alive', healthCheck)
    const socket = connect(
      `/v4/default/registry/microservices/${serviceId}/instances/${kept}/heartbeat`,
    )
    await opened(socket)
    const lapsed = await registerInstance(server.url, serviceId, 'left-alone', healthCheck)

    // `lapsed` was registered after `kept`; once it has expired, `kept` would have too.
    for (;;) {
      const ids = (await discover(server.url, 'shop', 'pinger')).map((i) => i.instanceId)
      if (!ids.includes(lapsed)) {
        expect(ids).toContain(kept)
        break
      }
      await new Promise((done) => setTimeout(done, 100))
    }
    await call(
      server.url,
      'GET',
      `/v4/default/registry/microservices/${serviceId}/instances/${kept}`,
    )
  })

  it("closes with code 4001 and Service Center's reason for an unknown instance", async () => {
    const serviceId = await createService(server.url, {
      appId: 'shop',
      serviceName: 'ghost',
      version: '1.0.0',
    })
    const socket = connect(
      `/v4/default/registry/microservices/${serviceId}/instances/no-such-instance/heartbeat`,
    )
    const { code, reason } = await closed(socket)
    expect(code).toBe(4001)
    expect(String(reason)).toBe('heartbeat reporting failed because the instance does not exist')
  })
})

describe('replacing the registry content', () => {
  it('closes watcher sockets with 1012 so clients reconnect and subscribe again', async () => {
    const consumerId = await createService(server.url, {
      appId: 'shop',
      serviceName: 'reconnecting',
      version: '1.0.0',
    })
    const socket = connect(`/v4/default/registry/microservices/${consumerId}/watcher`)
    await opened(socket)
    const end = closed(socket)
    await call(server.url, 'POST', '/__cse-mock/reset')
    expect((await end).code).toBe(1012)
  })
})
