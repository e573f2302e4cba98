import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRegistryClient } from '../../src/client.ts'
import { createCseMock } from '../../src/mock.ts'
import { type NodeCseMock, setupCseMock } from '../../src/node.ts'
import { createVirtualClock } from '../../src/registry/clock.ts'

const ORIGIN = 'http://cse.test'
const ROOT = `${ORIGIN}/v4/default/registry`
// Both mocks read the same time, so their timestamps agree even across a second boundary.
const START_MS = Date.now()

interface Reply {
  status: number
  headers: Record<string, string>
  text: string
}

async function replyOf(response: Response): Promise<Reply> {
  const headers = Object.fromEntries(
    [...response.headers].filter(([name]) => name !== 'date' && name !== 'x-resource-revision'),
  )
  return { status: response.status, headers, text: await response.text() }
}

/** The same calls, in the same order, against two mocks made alike. */
const CALLS: [string, RequestInit?][] = [
  [`${ROOT}/version`],
  [
    `${ROOT}/microservices`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        service: { serviceId: 'svc1', appId: 'app', serviceName: 'orders', version: '1.0.0' },
      }),
    },
  ],
  [
    `${ROOT}/microservices/svc1/instances`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        instance: { instanceId: 'i1', hostName: 'h1', endpoints: ['rest://10.0.0.1:8080'] },
      }),
    },
  ],
  [`${ROOT}/instances?appId=app&serviceName=orders&version=latest`],
  [`${ROOT}/microservices/svc1/instances/i1/heartbeat`, { method: 'PUT' }],
  [`${ROOT}/microservices/nope/instances/i1/heartbeat`, { method: 'PUT' }],
  [`${ROOT}/microservices/svc1/instances`, { method: 'POST', body: '{not json' }],
  [`${ROOT}/no-such-route`],
  [`${ORIGIN}/__cse-mock/faults`],
]

describe('mock.fetch', () => {
  let intercepted: NodeCseMock

  beforeAll(async () => {
    intercepted = await setupCseMock({ clock: createVirtualClock(START_MS) })
    intercepted.listen()
  })
  afterAll(() => intercepted.close())

  it('answers every call as the intercepted fetch does, without intercepting', async () => {
    const direct = await createCseMock({ clock: createVirtualClock(START_MS) })
    for (const [url, init] of CALLS) {
      const viaMsw = await replyOf(await fetch(url, init))
      const viaMock = await replyOf(await direct.fetch(url, init))
      expect({ url, ...viaMock }).toEqual({ url, ...viaMsw })
    }
    expect(direct.registry.stats().instances).toBe(1)
    expect(direct.requests.list().map((entry) => entry.operationId)).toEqual(
      intercepted.requests.list().map((entry) => entry.operationId),
    )
  })

  it("answers a path outside the registry with Go's plain-text 404", async () => {
    const mock = await createCseMock()
    const response = await mock.fetch(`${ORIGIN}/somewhere/else`)
    expect(response.status).toBe(404)
    expect(await response.text()).toBe('404 page not found')
  })

  it('applies faults and records calls in the request log', async () => {
    const mock = await createCseMock()
    mock.faults.add({
      match: { operationId: 'getVersion' },
      action: { type: 'error', errorCode: '500011' },
      times: 1,
    })
    const failed = await mock.fetch(`${ROOT}/version`)
    expect(failed.status).toBe(500)
    expect(((await failed.json()) as { errorCode: string }).errorCode).toBe('500011')
    expect((await mock.fetch(`${ROOT}/version`)).status).toBe(200)
    const [first, second] = mock.requests.list({ operationId: 'getVersion' })
    expect(first?.status).toBe(500)
    expect(first?.faults).toHaveLength(1)
    expect(second?.status).toBe(200)
  })

  it('serves a typed client passed as its fetch', async () => {
    const mock = await createCseMock({ seed: 3 })
    const client = createRegistryClient({ baseUrl: ORIGIN, fetch: mock.fetch })
    const { data, response } = await client.GET('/v4/{project}/registry/microservices', {
      params: { path: { project: 'default' } },
    })
    expect(response.status).toBe(200)
    expect(data?.services?.length).toBe(mock.registry.stats().services)
  })
})
