import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InspectorEvent } from '../../src/control/index.ts'
import { type CseMockServer, startCseMockServer } from '../../src/server/index.ts'

let server: CseMockServer

beforeAll(async () => {
  server = await startCseMockServer({ port: 0, clock: 'virtual' })
})

afterAll(async () => {
  await server.close()
})

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
}

async function registerInstance(serviceName: string): Promise<void> {
  const created = await post('/v4/default/registry/microservices', {
    service: { appId: 'shop', serviceName, version: '1.0.0' },
  })
  const { serviceId } = (await created.json()) as { serviceId: string }
  await post(`/v4/default/registry/microservices/${serviceId}/instances`, {
    instance: { hostName: `${serviceName}-1`, endpoints: ['rest://10.0.0.1:8080'] },
  })
}

/** Opens the event stream and collects its events until `stop()`. */
async function openEvents() {
  const abort = new AbortController()
  const response = await fetch(`${server.url}/__cse-mock/events`, { signal: abort.signal })
  const events: InspectorEvent[] = []
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  const reading = (async () => {
    let text = ''
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return
      text += value
      for (let end = text.indexOf('\n\n'); end >= 0; end = text.indexOf('\n\n')) {
        const block = text.slice(0, end)
        text = text.slice(end + 2)
        if (block.startsWith('data: ')) events.push(JSON.parse(block.slice(6)) as InspectorEvent)
      }
    }
  })().catch(() => undefined)
  return {
    response,
    events,
    /** Waits until `count` events arrived, up to 3 s. */
    async until(count: number) {
      for (let waited = 0; events.length < count && waited < 3000; waited += 20) {
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      return events
    },
    async stop() {
      abort.abort()
      await reading
    },
  }
}

describe('GET /__cse-mock/events on the standalone server', () => {
  it('streams registry changes, request entries and control changes as they happen', async () => {
    const stream = await openEvents()
    expect(stream.response.headers.get('content-type')).toBe('text/event-stream; charset=UTF-8')
    await registerInstance('orders')
    await post('/__cse-mock/faults', {
      match: { operationId: 'getVersion' },
      action: { type: 'network' },
    })
    const events = await stream.until(5)
    await stream.stop()
    expect(events.filter((event) => event.type === 'request')).toEqual([
      { type: 'request', entry: expect.objectContaining({ operationId: 'createService' }) },
      { type: 'request', entry: expect.objectContaining({ operationId: 'registerInstance' }) },
    ])
    expect(events.filter((event) => event.type === 'control')).toEqual([{ type: 'control' }])
    await fetch(`${server.url}/__cse-mock/faults`, { method: 'DELETE' })
    // Two writes within 200 ms: the first at once, the burst's last one after it.
    expect(events.filter((event) => event.type === 'registry')).toEqual([
      { type: 'registry' },
      { type: 'registry' },
    ])
  })

  it('says the registry changed when advancing the clock expires an instance', async () => {
    await registerInstance('expiring')
    const stream = await openEvents()
    await post('/__cse-mock/clock/advance', { ms: 120_000 })
    const events = await stream.until(2)
    await stream.stop()
    expect(events).toEqual([{ type: 'registry' }, { type: 'control' }])
    expect(server.mock.registry.stats().instances).toBe(0)
  })

  it('ends open streams when the server closes, so closing does not wait for them', async () => {
    const other = await startCseMockServer({ port: 0 })
    const response = await fetch(`${other.url}/__cse-mock/events`)
    const text = response.text()
    await other.close()
    // The stream ended cleanly: its text is complete, with the opening comment in it.
    expect(await text).toMatch(/^: cse-mock events\n\nretry: 1000\n\n/)
  })
})
