// Plain Node ESM, no TypeScript and no test runner: start the standalone server in-process,
// register and discover an instance over real HTTP, load the gzipped fixture, stop the server.
import assert from 'node:assert/strict'
import { fileURLToPath } from 'node:url'
import { createCseMock } from 'cse-mock'
import { loadSnapshotFile, startCseMockServer } from 'cse-mock/server'

const server = await startCseMockServer({ port: 0 })
try {
  const registry = `${server.url}/v4/default/registry`
  assert.equal((await fetch(`${registry}/health`)).status, 200)
  const post = async (path, body) => {
    const response = await fetch(`${registry}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    assert.equal(response.status, 200, `POST ${path}`)
    return response.json()
  }
  const { serviceId } = await post('/microservices', {
    service: { appId: 'shop', serviceName: 'orders', version: '1.0.0' },
  })
  await post(`/microservices/${serviceId}/instances`, {
    instance: { hostName: 'orders-1', endpoints: ['rest://10.0.0.7:8080'] },
  })
  const found = await fetch(`${registry}/instances?appId=shop&serviceName=orders&version=latest`)
  assert.equal((await found.json()).instances.length, 1)
} finally {
  await server.close()
}
assert.equal(
  await fetch(`${server.url}/v4/default/registry/health`).then(
    () => 'answered',
    () => 'closed',
  ),
  'closed',
)

const large = fileURLToPath(import.meta.resolve('cse-mock/fixtures/large.json.gz'))
const mock = await createCseMock({ fixture: await loadSnapshotFile(large) })
assert.equal(mock.registry.stats().instances, 1000)
console.log(
  `cse-mock/server: started on ${server.url}, registered, discovered, stopped; large fixture: 1000 instances`,
)
