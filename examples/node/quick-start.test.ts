import { setupCseMock } from 'cse-mock/node'
import { afterAll, beforeAll, expect, it } from 'vitest'

const cse = await setupCseMock({ clock: 'virtual' })
const registry = 'http://cse.test/v4/default/registry'
beforeAll(() => cse.listen())
afterAll(() => cse.close())

it('forgets an instance that stops sending heartbeats', async () => {
  const post = (path: string, body: unknown) =>
    fetch(`${registry}${path}`, { method: 'POST', body: JSON.stringify(body) }).then((r) =>
      r.json(),
    )
  const { serviceId } = await post('/microservices', {
    service: { appId: 'shop', serviceName: 'orders', version: '1.0.0' },
  })
  await post(`/microservices/${serviceId}/instances`, {
    instance: { hostName: 'orders-1', endpoints: ['rest://10.0.0.7:8080'] },
  })
  const discover = () =>
    fetch(`${registry}/instances?appId=shop&serviceName=orders&version=latest`).then((r) =>
      r.json(),
    )
  expect((await discover()).instances).toHaveLength(1)

  cse.advance(121_000) // default healthCheck: 30 s x (3 + 1) = 120 s TTL
  expect(await discover()).toEqual({}) // the registry omits empty lists
})
