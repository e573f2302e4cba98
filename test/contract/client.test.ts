import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  ContractError,
  createRegistryClient,
  createTlsFetch,
  createTokenBucket,
} from '../../src/client.ts'

const BASE = 'http://registry.client.test'
const exchanges: { name: string; password: string }[] = []
const seen: Request[] = []
const server = setupServer(
  http.post(`${BASE}/v4/token`, async ({ request }) => {
    const body = (await request.json()) as { name: string; password: string }
    exchanges.push(body)
    if (body.password !== 'Right-pa55') {
      return HttpResponse.json(
        { errorCode: '401202', errorMessage: 'User name or password is wrong' },
        { status: 401 },
      )
    }
    return HttpResponse.json({ token: `token-for-${body.name}` })
  }),
  http.get(`${BASE}/v4/:project/registry/version`, ({ request }) => {
    seen.push(request)
    return HttpResponse.json({ version: '2.2.0' })
  }),
  http.get(`${BASE}/v4/:project/registry/health`, () => new Promise<Response>(() => {})),
)

// The client is created before msw patches fetch: it must look fetch up at call time.
const early = createRegistryClient({ baseUrl: BASE, project: 'p1', domain: 'shop' })

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterEach(() => {
  exchanges.length = 0
  seen.length = 0
})
afterAll(() => server.close())

const version = (client: ReturnType<typeof createRegistryClient>) =>
  client.GET('/v4/{project}/registry/version', { params: { path: { project: client.project } } })

describe('createRegistryClient', () => {
  it('goes through the fetch in place at call time, with project and X-Domain-Name', async () => {
    const { data } = await version(early)
    expect(data?.version).toBe('2.2.0')
    expect(new URL(seen[0]!.url).pathname).toBe('/v4/p1/registry/version')
    expect(seen[0]!.headers.get('x-domain-name')).toBe('shop')
  })

  it('defaults the project to "default" and sends no domain header unless given', async () => {
    const client = createRegistryClient({ baseUrl: `${BASE}/` })
    await version(client)
    expect(new URL(seen[0]!.url).pathname).toBe('/v4/default/registry/version')
    expect(seen[0]!.headers.has('x-domain-name')).toBe(false)
  })

  it('exchanges user and password once and reuses the token', async () => {
    const client = createRegistryClient({ baseUrl: BASE, user: 'root', password: 'Right-pa55' })
    await Promise.all([version(client), version(client)])
    await version(client)
    expect(exchanges).toEqual([{ name: 'root', password: 'Right-pa55' }])
    expect(seen.map((r) => r.headers.get('authorization'))).toEqual([
      'Bearer token-for-root',
      'Bearer token-for-root',
      'Bearer token-for-root',
    ])
  })

  it('answers a refused exchange as a value and never retries it (no account lock-out)', async () => {
    const client = createRegistryClient({ baseUrl: BASE, user: 'root', password: 'wrong' })
    const first = await version(client)
    expect(first.response.status).toBe(401)
    expect(first.error).toMatchObject({ errorCode: '401202' })
    const second = await version(client)
    expect(second.error).toMatchObject({ errorCode: '401202' })
    expect(exchanges).toHaveLength(1)
    expect(seen).toHaveLength(0)
  })

  it('sends a given token as a bearer token without exchanging', async () => {
    await version(createRegistryClient({ baseUrl: BASE, token: 'abc' }))
    expect(exchanges).toHaveLength(0)
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer abc')
  })

  it('aborts a request that outlives timeoutMs', async () => {
    const client = createRegistryClient({ baseUrl: BASE, timeoutMs: 20 })
    const hanging = client.GET('/v4/{project}/registry/health', {
      params: { path: { project: 'default' } },
    })
    await expect(hanging).rejects.toMatchObject({ name: 'TimeoutError' })
  })

  it('refuses contradictory options as misuse', () => {
    const both = { baseUrl: BASE, token: 't', user: 'u', password: 'p' }
    expect(() => createRegistryClient(both)).toThrow(ContractError)
    expect(() => createRegistryClient({ baseUrl: BASE, user: 'u' })).toThrow(/go together/)
    expect(() => createRegistryClient({ baseUrl: BASE, caFile: 'ca.pem', insecure: true })).toThrow(
      /CA file and `insecure`/,
    )
  })
})

describe('createTokenBucket', () => {
  it('lets a burst of `perSecond` requests through, then spaces them at the rate', async () => {
    let now = 0
    const sleeps: number[] = []
    const bucket = createTokenBucket(2, {
      now: () => now,
      sleep: async (ms) => {
        sleeps.push(ms)
        now += ms
      },
    })
    await Promise.all([bucket.take(), bucket.take(), bucket.take(), bucket.take()])
    expect(sleeps).toEqual([500, 500])
    expect(now).toBe(1000)
  })

  it('rejects a rate that is not a positive number', () => {
    expect(() => createTokenBucket(0)).toThrow(RangeError)
  })
})

describe('createTlsFetch', () => {
  let plain: Server
  let url = ''
  beforeAll(async () => {
    server.close()
    plain = createServer((req, res) => {
      let body = ''
      req.on('data', (chunk) => {
        body += chunk
      })
      req.on('end', () => {
        res.setHeader('content-type', 'application/json')
        res.end(JSON.stringify({ method: req.method, url: req.url, body }))
      })
    })
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise((resolve) => plain.close(resolve))
    server.listen({ onUnhandledFrame: 'error' })
  })

  it('sends the method, path and body through node:http and returns a Response', async () => {
    const send = createTlsFetch({ insecure: true })
    const response = await send(new Request(`${url}/v4/x?a=1`, { method: 'PUT', body: 'hi' }))
    expect(await response.json()).toEqual({ method: 'PUT', url: '/v4/x?a=1', body: 'hi' })
  })

  it('reports an unreadable CA file as misuse on first use', async () => {
    const send = createTlsFetch({ caFile: '/nonexistent/ca.pem' })
    await expect(send(new Request(`${url}/`))).rejects.toMatchObject({ code: 'ERR_CA_FILE' })
  })
})
