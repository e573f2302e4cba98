import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CseMockServer, startCseMockServer } from '../../src/server/index.ts'
import { rawRequest } from './raw-http.ts'

let server: CseMockServer
const B = '/v4/default/registry'

beforeAll(async () => {
  server = await startCseMockServer({ port: 0, profile: 'servicecomb' })
})
afterAll(() => server.close())

async function createProvider(port = server.port) {
  const created = await rawRequest(port, 'POST', `${B}/microservices`, {
    body: JSON.stringify({ service: { appId: 'wire', serviceName: 'prov', version: '1.0.0' } }),
  })
  const { serviceId } = JSON.parse(created.body) as { serviceId: string }
  await rawRequest(port, 'POST', `${B}/microservices/${serviceId}/instances`, {
    body: JSON.stringify({ instance: { hostName: 'h', endpoints: ['rest://10.0.0.1:8080'] } }),
  })
  return serviceId
}

describe('header names on the wire', () => {
  it('discovery sends X-Resource-Revision, Content-Type, Content-Length and Date in Go case', async () => {
    await createProvider()
    const found = await rawRequest(server.port, 'GET', `${B}/instances?appId=wire&serviceName=prov`)
    expect(found.status).toBe(200)
    expect(found.names).toEqual(
      expect.arrayContaining(['X-Resource-Revision', 'Content-Type', 'Content-Length', 'Date']),
    )
    expect(found.header('X-Resource-Revision')).toMatch(/^[0-9a-f]{40}$/)
    expect(found.header('Content-Type')).toBe('application/json; charset=UTF-8')
    for (const name of found.names) expect(name).toMatch(/^([A-Z][a-z0-9]*)(-[A-Z][a-z0-9]*)*$/)
  })

  it('the cse profile sends X-Resource-Revision and Content-Type in Go case too', async () => {
    const cse = await startCseMockServer({ port: 0, profile: 'cse' })
    try {
      await createProvider(cse.port)
      const path = `${B}/instances?appId=wire&serviceName=prov&version=1.0.0`
      const found = await rawRequest(cse.port, 'GET', path)
      expect(found.status).toBe(200)
      expect(found.names).toEqual(expect.arrayContaining(['X-Resource-Revision', 'Content-Type']))
      expect(found.names).not.toContain('x-resource-revision')
      expect(found.header('X-Resource-Revision')).toMatch(/^[0-9a-f]{40}$/)
    } finally {
      await cse.close()
    }
  })

  it('writes the headers in the order Go does: sorted, then Content-Length', async () => {
    const found = await rawRequest(server.port, 'GET', `${B}/instances?appId=wire&serviceName=prov`)
    const names = found.names.filter((name) => name !== 'Date')
    expect(names).toEqual([
      'Content-Type',
      'Server',
      'Vary',
      'Vary',
      'X-Resource-Revision',
      'Content-Length',
      'Connection',
    ])
  })

  it('sends no Connection or Keep-Alive header on a kept-alive answer, as Go does', async () => {
    const socket = await import('node:net').then(({ connect }) => connect(server.port, '127.0.0.1'))
    const text = await new Promise<string>((resolve) => {
      socket.once('data', (chunk) => resolve(chunk.toString('utf8')))
      socket.write(`GET ${B}/version HTTP/1.1\r\nHost: x\r\n\r\n`)
    })
    socket.destroy()
    const names = text
      .split('\r\n\r\n')[0]!
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(':')[0])
    expect(names).not.toContain('Connection')
    expect(names).not.toContain('Keep-Alive')
    expect(names).toContain('Content-Length')
  })

  it('sends X-Schema-Summary in Go case from the existence check', async () => {
    const serviceId = await createProvider()
    await rawRequest(server.port, 'PUT', `${B}/microservices/${serviceId}/schemas/s1`, {
      body: JSON.stringify({ schema: 'openapi: 3.0.0', summary: 'sum' }),
    })
    const exists = await rawRequest(
      server.port,
      'GET',
      `${B}/existence?type=schema&serviceId=${serviceId}&schemaId=s1`,
    )
    expect(exists.status).toBe(200)
    expect(exists.header('X-Schema-Summary')).toBe('sum')
  })

  it('sends the 304 with X-Resource-Revision and without Content-Type', async () => {
    const first = await rawRequest(server.port, 'GET', `${B}/instances?appId=wire&serviceName=prov`)
    const rev = first.header('X-Resource-Revision')!
    const again = await rawRequest(
      server.port,
      'GET',
      `${B}/instances?appId=wire&serviceName=prov&rev=${rev}`,
    )
    expect(again.status).toBe(304)
    expect(again.header('X-Resource-Revision')).toBe(rev)
    expect(again.names).not.toContain('Content-Type')
  })
})

describe('SERVICECENTER on the standalone server', () => {
  it('health names rest://<host>:<port>/ of the listening address', async () => {
    const health = await rawRequest(server.port, 'GET', `${B}/health`)
    const { instances } = JSON.parse(health.body) as { instances: { endpoints: string[] }[] }
    expect(instances[0]?.endpoints).toEqual([`rest://127.0.0.1:${server.port}/`])
  })
})
