import { afterEach, describe, expect, it } from 'vitest'
import {
  type Defect,
  type DefectiveServer,
  startDefectiveServer,
} from '../contract/defective-server.ts'
import { startTestShadow, type TestShadow } from './start-shadow.ts'

let live: DefectiveServer | undefined
let shadow: TestShadow | undefined

afterEach(async () => {
  await shadow?.proxy.close()
  await live?.close()
  live = shadow = undefined
})

/** A short service life through the proxy that touches each rule the defects break. */
async function drive(base: string): Promise<void> {
  const registry = `${base}/v4/default/registry`
  const send = async (method: string, path: string, body?: unknown) => {
    const answer = await fetch(registry + path, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await answer.text()
    return text.startsWith('{') ? (JSON.parse(text) as Record<string, string>) : {}
  }
  const { serviceId } = await send('POST', '/microservices', {
    service: { serviceName: 'broken', appId: 'shadow', version: '1.0.0' },
  })
  await send('GET', '/microservices/unknown0service')
  const { instanceId } = await send('POST', `/microservices/${serviceId}/instances`, {
    instance: { hostName: 'h1', endpoints: ['rest://10.0.0.1:8080'] },
  })
  await send('GET', `/microservices/${serviceId}/instances/${instanceId}`)
  await send('PUT', `/microservices/${serviceId}/instances/${instanceId}/heartbeat`)
  await send('POST', `/microservices/${serviceId}/tags`, { tags: { first: 'one' } })
  await send('POST', `/microservices/${serviceId}/tags`, { tags: { second: 'two' } })
  await send('GET', `/microservices/${serviceId}/tags`)
}

async function unlabelledPlaces(defects: Defect[]): Promise<Set<string>> {
  live = await startDefectiveServer(defects)
  shadow = await startTestShadow(live.url, { profile: 'servicecomb' })
  await drive(shadow.proxy.url)
  await shadow.proxy.close()
  const places = new Set<string>()
  for (const record of shadow.records) {
    for (const d of record.differences) {
      if (!d.label) {
        const text = `${record.operation} ${d.kind} ${d.where} ${d.left} → ${d.right}`
        places.add(text.replace(/\b[0-9a-f]{40}\b/g, '<hex40>'))
      }
    }
  }
  await live.close()
  live = shadow = undefined
  return places
}

describe('shadow in front of a server that breaks the contract', () => {
  it('shows each broken rule as a difference that the same server without defects does not have', async () => {
    const baseline = await unlabelledPlaces([])
    const broken = await unlabelledPlaces([
      'numeric-error-code',
      'no-revision',
      'undeclared-status',
      'merging-tags',
    ])
    const added = [...broken].filter((place) => !baseline.has(place)).sort()
    expect(added).toEqual(
      [
        // merging-tags: the second POST kept the first tag
        'getTags body-shape $.tags.first "one" → absent',
        // no-revision
        'getInstance header X-Resource-Revision absent → <hex40>',
        // numeric-error-code
        'getService body-shape $.errorCode 400012 → "400012"',
        // undeclared-status: 204 without a body
        'heartbeat header Content-Type absent → text/plain; charset=UTF-8',
        'heartbeat status  204 → 200',
      ].sort(),
    )
  })
})
