import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { type CseMockServer, startCseMockServer } from '../../src/server/index.ts'
import { startTestShadow, type TestShadow } from './start-shadow.ts'

let live: CseMockServer | undefined
let shadow: TestShadow | undefined

afterEach(async () => {
  await shadow?.proxy.close()
  await live?.close()
  live = shadow = undefined
})

/** A consumer watches its provider through the proxy; returns the first event the client got. */
async function watchThrough(base: string): Promise<Record<string, unknown>> {
  const registry = `${base}/v4/default/registry`
  const create = async (serviceName: string) => {
    const answer = await fetch(`${registry}/microservices`, {
      method: 'POST',
      body: JSON.stringify({ service: { serviceName, appId: 'ws-shadow', version: '1.0.0' } }),
    })
    return ((await answer.json()) as { serviceId: string }).serviceId
  }
  const consumer = await create('consumer')
  const provider = await create('provider')
  await fetch(`${registry}/instances?appId=ws-shadow&serviceName=provider&version=1.0.0`, {
    headers: { 'X-ConsumerId': consumer },
  })
  const socket = new WebSocket(
    `${base.replace('http', 'ws')}/v4/default/registry/microservices/${consumer}/watcher`,
  )
  await new Promise((resolve, reject) => {
    socket.once('open', resolve)
    socket.once('error', reject)
  })
  const event = new Promise<Record<string, unknown>>((resolve) =>
    socket.once('message', (data) => resolve(JSON.parse(String(data)) as Record<string, unknown>)),
  )
  await fetch(`${registry}/microservices/${provider}/instances`, {
    method: 'POST',
    body: JSON.stringify({ instance: { hostName: 'p1', endpoints: ['rest://10.0.0.9:8080'] } }),
  })
  const first = await event
  // Both sides' first events are in before the socket closes.
  await new Promise((resolve) => setTimeout(resolve, 200))
  socket.close()
  await new Promise((resolve) => socket.once('close', resolve))
  return first
}

describe('websocket watch through the shadow proxy', () => {
  it('passes the live events through and compares the mock’s first event by action and key', async () => {
    live = await startCseMockServer({ port: 0, profile: 'servicecomb', pingIntervalMs: 60_000 })
    shadow = await startTestShadow(live.url, { profile: 'servicecomb', twin: false })
    const event = await watchThrough(shadow.proxy.url)
    expect(event).toMatchObject({ action: 'CREATE', key: { serviceName: 'provider' } })
    await shadow.proxy.close()
    const watch = shadow.records.find((r) => r.operation === 'watch')
    expect(watch).toMatchObject({ liveStatus: 101, mockStatus: 101, differences: [] })
  })

  it('shows a first event that differs, labelled when the profile twin agrees with live', async () => {
    live = await startCseMockServer({ port: 0, profile: 'servicecomb', pingIntervalMs: 60_000 })
    shadow = await startTestShadow(live.url, { profile: 'cse' })
    await watchThrough(shadow.proxy.url)
    await shadow.proxy.close()
    const watch = shadow.records.find((r) => r.operation === 'watch')
    expect(watch?.differences).toEqual([
      expect.objectContaining({
        kind: 'message',
        where: 'ws$.key.environment',
        left: 'absent',
        right: '"development"',
        label: 'profile',
      }),
    ])
  })
})
