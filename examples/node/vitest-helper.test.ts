import { useCseMock } from 'cse-mock/vitest'
import { expect, it } from 'vitest'

const cse = useCseMock({ clock: 'virtual', seed: 42 }) // 12 services, 24 instances

it('sees the registry fail the way CSE does when its storage is gone', async () => {
  cse.faults.add({
    match: { operationId: 'listServices' },
    action: { type: 'error', errorCode: '500011' },
    times: 1,
  })
  const response = await fetch(`${cse.baseUrl}/v4/default/registry/microservices`)
  expect(response.status).toBe(500)
  expect(await response.json()).toMatchObject({ errorCode: '500011' })
  expect(cse.requests.list({ operationId: 'listServices' })).toHaveLength(1)
})
