import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CseMockServer, startCseMockServer } from '../../src/server/index.ts'

/** Sends one raw HTTP/1.1 request and returns the status line and header lines as sent. */
function rawExchange(port: number, request: string): Promise<{ status: string; names: string[] }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let text = ''
    socket.setEncoding('latin1')
    socket.on('data', (chunk: string) => {
      text += chunk
      const end = text.indexOf('\r\n\r\n')
      if (end < 0) return
      const [status = '', ...lines] = text.slice(0, end).split('\r\n')
      socket.destroy()
      resolve({ status, names: lines.map((line) => line.slice(0, line.indexOf(':'))) })
    })
    socket.once('error', reject)
    socket.write(request)
  })
}

describe('answers of the server on the direct route, at the socket', () => {
  let server: CseMockServer

  beforeAll(async () => {
    server = await startCseMockServer({ port: 0 })
    await fetch(`${server.url}/v4/default/registry/microservices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        service: { serviceId: 'wire1', appId: 'app', serviceName: 'wire', version: '1.0.0' },
      }),
    })
  })
  afterAll(() => server.close())

  it("name their headers in Go's canonical case", async () => {
    const { status, names } = await rawExchange(
      server.port,
      'GET /v4/default/registry/instances?appId=app&serviceName=wire&version=latest HTTP/1.1\r\nHost: x\r\n\r\n',
    )
    expect(status).toBe('HTTP/1.1 200 OK')
    expect(names).toEqual(
      expect.arrayContaining(['Content-Type', 'Content-Length', 'X-Resource-Revision']),
    )
    expect(names.filter((name) => /^(content-|x-resource)/.test(name))).toEqual([])
  })

  it('name the headers of an error answer the same way', async () => {
    const { status, names } = await rawExchange(
      server.port,
      'PUT /v4/default/registry/microservices/nope/instances/nope/heartbeat HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n',
    )
    expect(status).toMatch(/^HTTP\/1\.1 400 /)
    expect(names).toEqual(expect.arrayContaining(['Content-Type', 'Content-Length']))
    expect(names.filter((name) => /^content-/.test(name))).toEqual([])
  })
})
