import { describe, expect, it } from 'vitest'
import { CseMockError } from '../src/mock.ts'
import { createCseMockTest, useCseMock } from '../src/vitest.ts'

async function serviceNames(baseUrl: string): Promise<string[]> {
  const response = await fetch(`${baseUrl}/v4/default/registry/microservices`)
  const body = (await response.json()) as { services?: { serviceName: string }[] }
  return (body.services ?? []).map((service) => service.serviceName)
}

async function createService(baseUrl: string, serviceName: string): Promise<void> {
  const response = await fetch(`${baseUrl}/v4/default/registry/microservices`, {
    method: 'POST',
    body: JSON.stringify({ service: { serviceName, appId: 'shop', version: '1.0.0' } }),
  })
  expect(response.status).toBe(200)
}

describe('useCseMock', () => {
  const cse = useCseMock({ clock: 'virtual', onUnhandledFrame: 'error' })
  let early: unknown
  try {
    void cse.mock
  } catch (error) {
    early = error
  }

  it('refuses to hand out the mock before the file starts it', () => {
    expect(early).toBeInstanceOf(CseMockError)
    expect((early as CseMockError).code).toBe('MOCK_NOT_STARTED')
  })

  it('serves the registry and the control API; this test leaves state behind', async () => {
    await createService(cse.baseUrl, 'orders')
    cse.faults.add({
      match: { operationId: 'getVersion' },
      action: { type: 'status', status: 503 },
    })
    cse.advance(60_000)
    expect(await serviceNames(cse.baseUrl)).toEqual(['orders'])
    expect((await fetch(`${cse.baseUrl}/v4/default/registry/version`)).status).toBe(503)
    expect((await fetch(`${cse.baseUrl}/__cse-mock/faults`)).status).toBe(200)
    expect(cse.requests.list()).toHaveLength(3)
    expect(cse.registry).toBe(cse.mock.registry)
    expect(cse.clock).toBe(cse.mock.clock)
  })

  it('starts the next test from a reset mock', async () => {
    expect(cse.faults.list()).toEqual([])
    expect(cse.requests.list()).toEqual([])
    expect(await serviceNames(cse.baseUrl)).toEqual([])
    expect((await fetch(`${cse.baseUrl}/v4/default/registry/version`)).status).toBe(200)
  })
})

// File-scoped fixtures must be defined at the top level of the file.
const test = createCseMockTest({ seed: 5 })

describe('createCseMockTest', () => {
  test('hands each test a mock seeded from the options; this test changes it', async ({
    cseMock,
  }) => {
    const seeded = await serviceNames(cseMock.baseUrl)
    expect(seeded.length).toBeGreaterThan(0)
    cseMock.faults.add({ action: { type: 'network' } })
    await expect(fetch(`${cseMock.baseUrl}/v4/default/registry/version`)).rejects.toThrow()
    cseMock.faults.clear()
    await createService(cseMock.baseUrl, 'added-by-a-test')
    expect(await serviceNames(cseMock.baseUrl)).toContain('added-by-a-test')
  })

  test('resets it to the seeded state for the next test', async ({ cseMock }) => {
    expect(cseMock.faults.list()).toEqual([])
    const names = await serviceNames(cseMock.baseUrl)
    expect(names.length).toBeGreaterThan(0)
    expect(names).not.toContain('added-by-a-test')
  })
})
