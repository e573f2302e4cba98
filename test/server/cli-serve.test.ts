import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { killAllCli, type ServingProcess, startServe } from './cli-process.ts'
import { call, createService, discover, registerInstance } from './registry-calls.ts'

let server: ServingProcess

beforeAll(async () => {
  server = await startServe()
})

afterAll(killAllCli)

describe('cse-mock serve over real TCP', () => {
  it('listens on a free port with --port 0 and says so in its ready line', () => {
    const { port, hostname } = new URL(server.url)
    expect(hostname).toBe('127.0.0.1')
    expect(Number(port)).toBeGreaterThan(0)
    expect(server.stdout[0]).toBe(
      `cse-mock listening on ${server.url} (profile cse, 0 services, 0 instances); inspector at ${server.url}/__cse-mock/ui`,
    )
  })

  it('answers the health check', async () => {
    const response = await fetch(`${server.url}/v4/default/registry/health`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await response.json()).toBeTypeOf('object')
  })

  it('registers an instance and finds it through discovery', async () => {
    const serviceId = await createService(server.url, {
      appId: 'shop',
      serviceName: 'orders',
      version: '1.0.0',
    })
    const instanceId = await registerInstance(server.url, serviceId, 'orders-1')
    const found = await discover(server.url, 'shop', 'orders')
    expect(found).toEqual([expect.objectContaining({ instanceId, serviceId })])
  })

  it("answers Go's plain-text 404 outside the API", async () => {
    const response = await fetch(`${server.url}/not-the-registry`)
    expect(response.status).toBe(404)
    expect(await response.text()).toBe('404 page not found\n')
  })

  it('logs one line per request with method, URL, status, duration and operationId', async () => {
    const marker = `log-${Date.now()}`
    await fetch(`${server.url}/v4/default/registry/version?${marker}=1`)
    await fetch(`${server.url}/${marker}`)
    const version = await server.waitForLine(new RegExp(`version\\?${marker}=1`))
    expect(version).toMatch(
      new RegExp(
        `^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z GET /v4/default/registry/version\\?${marker}=1 200 \\d+\\.\\dms getVersion$`,
      ),
    )
    const missing = await server.waitForLine(new RegExp(` /${marker} `))
    expect(missing).toMatch(new RegExp(` GET /${marker} 404 \\d+\\.\\dms$`))
  })

  it('serves 50 concurrent clients registering, heartbeating and discovering consistently', async () => {
    const serviceId = await createService(server.url, {
      appId: 'load',
      serviceName: 'crowd',
      version: '1.0.0',
    })
    const clients = Array.from({ length: 50 }, async (_, i) => {
      const instanceId = await registerInstance(server.url, serviceId, `crowd-${i}`)
      await call(
        server.url,
        'PUT',
        `/v4/default/registry/microservices/${serviceId}/instances/${instanceId}/heartbeat`,
      )
      const seen = await discover(server.url, 'load', 'crowd')
      expect(seen.map((instance) => instance.instanceId)).toContain(instanceId)
      return instanceId
    })
    const ids = await Promise.all(clients)
    expect(new Set(ids).size).toBe(50)
    const listed = (await call(
      server.url,
      'GET',
      `/v4/default/registry/microservices/${serviceId}/instances`,
    )) as { instances: { instanceId: string }[] }
    expect(listed.instances.map((instance) => instance.instanceId).sort()).toEqual([...ids].sort())
  })
})
