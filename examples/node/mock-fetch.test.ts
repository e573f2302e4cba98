import { createCseMock } from 'cse-mock'
import { createRegistryClient } from 'cse-mock/client'
import { expect, it } from 'vitest'

// No interception: the client sends through the mock's own fetch.
const mock = await createCseMock({ seed: 42 })
const client = createRegistryClient({ baseUrl: 'http://cse.test', fetch: mock.fetch })

it('lists the seeded services through mock.fetch', async () => {
  const { data } = await client.GET('/v4/{project}/registry/microservices', {
    params: { path: { project: 'default' } },
  })
  expect(data?.services).toHaveLength(mock.registry.stats().services)
})
