import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type CseMockServer, startCseMockServer } from '../../src/server/index.ts'
import { createJsonLinesLog } from '../../src/shadow/json-lines-log.ts'
import { type RecordingServer, startRecordingServer } from './recording-server.ts'
import { startTestShadow, type TestShadow } from './start-shadow.ts'

let live: CseMockServer | undefined
let recorder: RecordingServer | undefined
let shadow: TestShadow | undefined
let dir: string | undefined

afterEach(async () => {
  await shadow?.proxy.close()
  await recorder?.close()
  await live?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
  live = recorder = shadow = dir = undefined
})

const LOGIN = { user: 'shadow', password: 'Shadow#Pa55word' }
const SERVICE = { service: { serviceName: 'safe', appId: 'shadow', version: '1.0.0' } }

describe('shadow mode forwards credentials and never writes them down', () => {
  it('sends Authorization, X-Auth-Token and Cookie to the live side as they came; the log has none of them', async () => {
    live = await startCseMockServer({
      port: 0,
      profile: 'servicecomb',
      accounts: { [LOGIN.user]: LOGIN.password },
    })
    recorder = await startRecordingServer(live.url)
    dir = await mkdtemp(join(tmpdir(), 'shadow-'))
    const file = join(dir, 'shadow.jsonl')
    shadow = await startTestShadow(recorder.url, {
      import: false,
      observers: [createJsonLinesLog(file)],
    })
    const login = await fetch(`${shadow.proxy.url}/v4/token`, {
      method: 'POST',
      body: JSON.stringify({ name: LOGIN.user, password: LOGIN.password }),
    })
    expect(login.status).toBe(200)
    const { token } = (await login.json()) as { token: string }
    const headers = {
      Authorization: `Bearer ${token}`,
      'X-Auth-Token': 'x-auth-secret-4711',
      Cookie: 'session=cookie-secret-0815',
    }
    const created = await fetch(`${shadow.proxy.url}/v4/default/registry/microservices`, {
      method: 'POST',
      headers,
      body: JSON.stringify(SERVICE),
    })
    expect(created.status).toBe(200)
    const missing = await fetch(`${shadow.proxy.url}/v4/default/registry/microservices/nope`, {
      headers,
    })
    expect(missing.status).toBe(400)
    const sent = recorder.received.filter((r) =>
      r.path.startsWith('/v4/default/registry/microservices'),
    )
    expect(sent).toHaveLength(2)
    for (const request of sent) {
      expect(request.headers).toContainEqual(['Authorization', `Bearer ${token}`])
      expect(request.headers).toContainEqual(['X-Auth-Token', 'x-auth-secret-4711'])
      expect(request.headers).toContainEqual(['Cookie', 'session=cookie-secret-0815'])
    }
    await shadow.proxy.close()
    const log = await readFile(file, 'utf8')
    const lines = log.trim().split('\n')
    expect(lines).toHaveLength(3)
    // The mock has no such account: the login differs, and that difference is in the log.
    expect(JSON.parse(lines[0]!)).toMatchObject({ operation: 'createToken', liveStatus: 200 })
    for (const secret of [
      token,
      token.split('.')[2]!,
      'x-auth-secret-4711',
      'cookie-secret-0815',
      LOGIN.password,
    ]) {
      expect(log).not.toContain(secret)
    }
  })
})

describe('--shadow-read-only', () => {
  it('refuses registry writes with 403001 and never forwards them; reads, login and batch find go through', async () => {
    live = await startCseMockServer({ port: 0, profile: 'servicecomb' })
    recorder = await startRecordingServer(live.url)
    shadow = await startTestShadow(recorder.url, { readOnly: true })
    const before = recorder.received.length
    const services = live.mock.registry.stats().services
    const base = `${shadow.proxy.url}/v4/default/registry`
    const writes: [string, string, unknown][] = [
      ['POST', '/microservices', SERVICE],
      ['PUT', '/microservices/abc/properties', { properties: {} }],
      ['DELETE', '/microservices/abc', undefined],
      ['PUT', '/microservices/abc/instances/def/heartbeat', undefined],
    ]
    for (const [method, path, body] of writes) {
      const answer = await fetch(base + path, {
        method,
        ...(body ? { body: JSON.stringify(body) } : {}),
      })
      expect(answer.status).toBe(403)
      const envelope = (await answer.json()) as Record<string, string>
      expect(envelope).toEqual({
        errorCode: '403001',
        errorMessage: 'Forbidden',
        detail: `shadow mode is read-only: ${method} /v4/default/registry${path} was not sent to the live registry`,
      })
    }
    expect(recorder.received.length).toBe(before)
    expect((await fetch(`${base}/microservices`)).status).toBe(200)
    const batch = await fetch(`${base}/instances/action?type=query`, {
      method: 'POST',
      body: JSON.stringify({
        services: [{ service: { appId: 'a', serviceName: 'b', version: '1.0.0' } }],
      }),
    })
    expect(batch.status).toBe(200)
    expect(recorder.received.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /v4/default/registry/microservices',
      'POST /v4/default/registry/instances/action?type=query',
    ])
    await shadow.proxy.close()
    expect(shadow.records.filter((r) => r.refused).map((r) => r.method)).toEqual([
      'POST',
      'PUT',
      'DELETE',
      'PUT',
    ])
    expect(live.mock.registry.stats().services).toBe(services)
  })
})

describe('request bodies the proxy cannot hold', () => {
  it('refuses a body over 16 MiB with 400001 and forwards nothing, not even a cut-off copy', async () => {
    live = await startCseMockServer({ port: 0, profile: 'servicecomb' })
    recorder = await startRecordingServer(live.url)
    shadow = await startTestShadow(recorder.url)
    const before = recorder.received.length
    const answer = await fetch(`${shadow.proxy.url}/v4/default/registry/microservices`, {
      method: 'POST',
      body: `{"service":{"description":"${'x'.repeat(17 * 1024 * 1024)}"}}`,
    })
    expect(answer.status).toBe(400)
    expect(await answer.json()).toEqual({
      errorCode: '400001',
      errorMessage: 'Invalid parameter(s)',
      detail: 'http: request body too large',
    })
    expect(recorder.received.length).toBe(before)
    expect((await fetch(`${shadow.proxy.url}/v4/default/registry/microservices`)).status).toBe(200)
  })
})

describe('a live registry that does not answer', () => {
  it('answers 500011 when nothing listens, and keeps serving', async () => {
    const port = await closedPort()
    shadow = await startTestShadow(`http://127.0.0.1:${port}`, { import: false })
    for (let i = 0; i < 2; i++) {
      const answer = await fetch(`${shadow.proxy.url}/v4/default/registry/microservices`)
      expect(answer.status).toBe(500)
      expect(await answer.json()).toMatchObject({
        errorCode: '500011',
        errorMessage: 'Registry service is unavailable',
        detail: expect.stringContaining('ECONNREFUSED'),
      })
    }
    await shadow.proxy.close()
    expect(shadow.summary.summary()).toMatchObject({ requests: 2, unreachable: 2 })
  })

  it('answers 500011 after the timeout when the live registry accepts but never answers', async () => {
    const sockets = new Set<import('node:net').Socket>()
    const silent = createServer((socket) => sockets.add(socket))
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = silent.address() as { port: number }
      shadow = await startTestShadow(`http://127.0.0.1:${port}`, {
        import: false,
        liveTimeoutMs: 300,
      })
      const answer = await fetch(`${shadow.proxy.url}/v4/default/registry/version`)
      expect(answer.status).toBe(500)
      expect(await answer.json()).toMatchObject({
        errorCode: '500011',
        detail: expect.stringContaining('no answer in 300 ms'),
      })
      await shadow.proxy.close()
      expect(shadow.records[0]).toMatchObject({
        liveStatus: 0,
        mockStatus: 0,
        liveError: 'no answer in 300 ms',
      })
    } finally {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => silent.close(() => resolve()))
    }
  })
})

async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

describe('records are cleaned of credentials wherever an answer echoed them', () => {
  it('replaces header values and bearer tokens in paths and differences', async () => {
    const { scrubRecord, secretsOf } = await import('../../src/shadow/auth-headers.ts')
    const secrets = secretsOf([
      ['Authorization', 'Bearer tok.en.sig'],
      ['Cookie', 'a=cookie-one; b=cookie-two'],
      ['X-Domain-Name', 'default'],
    ])
    const record = scrubRecord(
      {
        seq: 1,
        at: '2026-12-02T00:00:00.000Z',
        operation: 'unknown',
        method: 'GET',
        path: '/echo?t=tok.en.sig',
        liveStatus: 200,
        mockStatus: 200,
        liveMs: 1,
        differences: [
          {
            kind: 'body-value',
            where: '$.seen',
            left: '"Bearer tok.en.sig cookie-two"',
            right: '"default"',
          },
        ],
      },
      secrets,
    )
    expect(record.path).toBe('/echo?t=<redacted>')
    expect(record.differences[0]).toMatchObject({
      left: '"<redacted> <redacted>"',
      right: '"default"',
    })
  })
})
