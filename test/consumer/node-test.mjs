// cse-mock/node under Node's own test runner (node --test), plain JavaScript.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { setupCseMock } from 'cse-mock/node'

const cse = await setupCseMock({ clock: 'virtual', seed: 42 })
const registry = 'http://cse.test/v4/default/registry'
before(() => cse.listen())
after(() => cse.close())

test('lists the seeded services through an intercepted fetch', async () => {
  const body = await (await fetch(`${registry}/microservices`)).json()
  assert.equal(body.services.length, cse.registry.stats().services)
})

test('answers a fault set in-process', async () => {
  cse.faults.add({
    match: { operationId: 'listServices' },
    action: { type: 'status', status: 503 },
    times: 1,
  })
  assert.equal((await fetch(`${registry}/microservices`)).status, 503)
  assert.equal((await fetch(`${registry}/microservices`)).status, 200)
})
