import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { InvalidRequestLogOptionsError } from '../../src/faults/errors.ts'
import { createRequestLog } from '../../src/faults/request-log.ts'
import type { RequestLogEntry } from '../../src/faults/types.ts'
import { createHttpHandlers } from '../../src/http/handlers.ts'
import { createSpecValidator } from '../../src/spec/validators.ts'
import { call, createService, getVersion, REGISTRY, serveMock } from './support.ts'

const { mock, server } = serveMock()

describe('the request log of a mock', () => {
  it('records method, path and query, operationId and status of each call, oldest first', async () => {
    const before = Date.now()
    const serviceId = await createService('orders')
    await call('GET', `/microservices/${serviceId}?x=1`)
    await call('GET', '/microservices/unknown-id')
    const entries = mock().requests.list()
    expect(entries).toMatchObject([
      {
        method: 'POST',
        url: '/v4/default/registry/microservices',
        operationId: 'createService',
        status: 200,
      },
      {
        method: 'GET',
        url: `/v4/default/registry/microservices/${serviceId}?x=1`,
        operationId: 'getService',
        status: 200,
      },
      { method: 'GET', operationId: 'getService', status: 400 },
    ])
    const seqs = entries.map((entry) => entry.seq)
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
    for (const entry of entries) {
      expect(Date.parse(entry.time)).toBeGreaterThanOrEqual(before - 1000)
      expect(entry.durationMs).toBeGreaterThanOrEqual(0)
    }
  })

  it('filters by operationId, method (any case) and status', async () => {
    const serviceId = await createService('orders')
    await call('GET', `/microservices/${serviceId}`)
    await call('GET', '/microservices/unknown-id')
    await getVersion()
    const { requests } = mock()
    expect(requests.list({ operationId: 'getService' })).toHaveLength(2)
    expect(requests.list({ method: 'post' }).map((e) => e.operationId)).toEqual(['createService'])
    expect(requests.list({ status: 400 }).map((e) => e.url)).toEqual([
      '/v4/default/registry/microservices/unknown-id',
    ])
    expect(requests.list({ operationId: 'getService', status: 200 })).toHaveLength(1)
  })

  it('shows the faults that applied to each call', async () => {
    const slow = mock().faults.add({ id: 'slow', action: { type: 'latency', ms: 1 } })
    const down = mock().faults.add({
      id: 'down',
      action: { type: 'status', status: 503 },
      times: 1,
    })
    await getVersion()
    await getVersion()
    expect(mock().requests.list()).toMatchObject([
      { status: 503, faults: [slow.id, down.id] },
      { status: 200, faults: [slow.id] },
    ])
  })

  it('tells listeners about each entry until they unsubscribe, and clear() empties it', async () => {
    const seen: RequestLogEntry[] = []
    const stop = mock().requests.onEntry((entry) => seen.push(entry))
    await getVersion()
    stop()
    await getVersion()
    expect(seen.map((entry) => entry.operationId)).toEqual(['getVersion'])
    const last = mock().requests.list().at(-1)!.seq
    mock().requests.clear()
    expect(mock().requests.list()).toEqual([])
    await getVersion()
    expect(mock().requests.list()[0]!.seq).toBe(last + 1)
  })
})

describe('a request log with a capacity', () => {
  const log = createRequestLog({ capacity: 3 })
  // The same registry behind handlers that feed this log; they take precedence for this block.
  beforeAll(() => {
    server().use(
      ...createHttpHandlers({
        registry: mock().registry,
        validator: createSpecValidator(),
        baseUrl: '*',
        interceptors: [log.interceptor],
      }),
    )
  })
  afterAll(() => server().resetHandlers())

  it('keeps the newest entries and drops the oldest', async () => {
    for (let i = 0; i < 5; i++) await call('GET', `/version?call=${i}`)
    expect(log.list().map((entry) => entry.url)).toEqual([
      '/v4/default/registry/version?call=2',
      '/v4/default/registry/version?call=3',
      '/v4/default/registry/version?call=4',
    ])
    expect(log.list().map((entry) => entry.seq)).toEqual([3, 4, 5])
  })

  it('forgets captured exchanges with the entries it drops', async () => {
    const capturing = createRequestLog({ capacity: 2, capture: true })
    server().use(
      ...createHttpHandlers({
        registry: mock().registry,
        validator: createSpecValidator(),
        baseUrl: '*',
        interceptors: [capturing.interceptor],
      }),
    )
    for (let i = 0; i < 3; i++) await call('GET', `/version?call=${i}`)
    const [first, second] = capturing.list()
    expect(capturing.get(first!.seq - 1)).toBeUndefined()
    expect(capturing.get(second!.seq)?.exchange?.response.body).toContain('"version"')
    expect(log.get(1)?.exchange).toBeUndefined()
  })

  it('hands out each captured exchange as a copy, cut at maxBodyBytes every time', async () => {
    const capturing = createRequestLog({ capacity: 4, capture: true, maxBodyBytes: 8 })
    server().use(
      ...createHttpHandlers({
        registry: mock().registry,
        validator: createSpecValidator(),
        baseUrl: '*',
        interceptors: [capturing.interceptor],
      }),
    )
    await call('GET', '/version')
    await call('GET', '/version')
    const [first, second] = capturing.list()
    const exchange = capturing.get(first!.seq)?.exchange
    expect(exchange?.response.headers['content-type']).toMatch(/^application\/json/)
    expect(exchange?.response.body).toHaveLength(8)
    expect(exchange?.response.truncated).toBeGreaterThan(8)
    exchange!.response.headers['content-type'] = 'changed'
    exchange!.request.headers.changed = 'yes'
    const again = capturing.get(first!.seq)?.exchange
    expect(again?.response.headers['content-type']).toMatch(/^application\/json/)
    expect(again?.request.headers.changed).toBeUndefined()
    expect(capturing.get(second!.seq)?.exchange?.response.body).toBe(exchange?.response.body)
    expect(capturing.get(second!.seq + 1)).toBeUndefined()
  })

  it('captures each request body as the JSON it decoded to, printed and cut alike', async () => {
    const capturing = createRequestLog({ capacity: 8, capture: true, maxBodyBytes: 64 })
    server().use(
      ...createHttpHandlers({
        registry: mock().registry,
        validator: createSpecValidator(),
        baseUrl: '*',
        interceptors: [capturing.interceptor],
      }),
    )
    const serviceId = await createService('captured')
    const sent = {
      Instance: { hostName: 'näme', endpoints: ['rest://10.0.0.9:1'], __proto__x: { a: [1, {}] } },
    }
    const path = `${REGISTRY}/microservices/${serviceId}/instances`
    const post = (body: string) =>
      fetch(path, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } })
    await post(JSON.stringify(sent))
    await post(' "a string" ')
    await post('{"instance":')
    const [created, registered, primitive, broken] = capturing
      .list()
      .map((entry) => capturing.get(entry.seq)?.exchange?.request)
    const printed = JSON.stringify(sent, null, 2)
    expect(registered).toMatchObject({ body: printed.slice(0, 64), truncated: printed.length })
    const service = { service: { serviceName: 'captured', appId: 'shop', version: '1.0.0' } }
    const printedService = JSON.stringify(service, null, 2)
    expect(created).toEqual({
      headers: expect.any(Object),
      body: printedService.slice(0, 64),
      truncated: printedService.length,
    })
    expect(primitive?.body).toBe('"a string"')
    expect(broken?.body).toMatch(/^\(the body could not be read: /)
  })

  it('rejects a capacity that is not a positive integer', () => {
    expect(() => createRequestLog({ capacity: 0 })).toThrow(InvalidRequestLogOptionsError)
    expect(() => createRequestLog({ capacity: 2.5 })).toThrow(/capacity is 2\.5/)
    expect(() => createRequestLog({ maxBodyBytes: -1 })).toThrow(/maxBodyBytes is -1/)
  })
})
