import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCseMock } from '../../src/mock.ts'
import { MAX_SNAPSHOT_RECORDS } from '../../src/registry/restore-snapshot.ts'
import { createSeedSnapshot } from '../../src/seed/index.ts'
import { SEED_LIMITS } from '../../src/seed/options.ts'
import { type CseMockServer, startCseMockServer } from '../../src/server/index.ts'

let server: CseMockServer
beforeAll(async () => {
  server = await startCseMockServer({ port: 0 })
})
afterAll(() => server.close())

const send = (method: string, path: string, body: unknown) =>
  fetch(`${server.url}/__cse-mock${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })

describe('seed options and restores are bounded', () => {
  it.each([
    [{ seed: 1, properties: 30_000_000 }, /properties is 30000000: must be at most 100/],
    [{ apps: Number.MAX_SAFE_INTEGER }, /apps is 9007199254740991: must be at most 1000/],
    [{ instancesPerVersion: Number.MAX_SAFE_INTEGER }, /must be at most 150000/],
    [
      { apps: 1000, servicesPerApp: 1000, versionsPerService: 1 },
      /1000000 services, over the limit of 50000/,
    ],
    [
      { apps: 100, servicesPerApp: 100, instancesPerVersion: 100 },
      /instances, over the limit of 150000/,
    ],
    [
      { apps: 100, servicesPerApp: 100, versionsPerService: 5, tags: 100, schemas: 100 },
      /records .* over the limit of 1000000/,
    ],
  ])('refuses %j at once with INVALID_SEED_OPTIONS', async (options, message) => {
    const response = await send('POST', '/seed', options)
    expect(response.status).toBe(400)
    const body = (await response.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('INVALID_SEED_OPTIONS')
    expect(body.error.message).toMatch(message)
    expect((await fetch(`${server.url}/v4/default/registry/health`)).status).toBe(200)
  })

  it('documents the bounds it enforces', () => {
    expect(SEED_LIMITS).toMatchObject({ services: 50_000, instances: 150_000, records: 1_000_000 })
  })

  it('refuses a snapshot holding two services with the same environment, appId, name and version', async () => {
    const snapshot = createSeedSnapshot({ apps: 1, servicesPerApp: 1, versionsPerService: 1 })
    const tenant = snapshot.tenants[0]!
    const twin = structuredClone(tenant.services[0]!)
    twin.service.serviceId = 'twin-of-the-first'
    twin.instances = []
    tenant.services.push(twin)
    const before = await (await fetch(`${server.url}/__cse-mock/snapshot`)).text()
    const response = await send('PUT', '/snapshot', snapshot)
    expect(response.status).toBe(400)
    const body = (await response.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('INVALID_SNAPSHOT')
    expect(body.error.message).toMatch(/same environment, appId, serviceName and version/)
    expect(await (await fetch(`${server.url}/__cse-mock/snapshot`)).text()).toBe(before)
  })

  it('refuses a snapshot with more tags on a service than the tag quota', async () => {
    const snapshot = createSeedSnapshot({ apps: 1, servicesPerApp: 1, versionsPerService: 1 })
    const entry = snapshot.tenants[0]!.services[0]!
    entry.tags = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, 'v']))
    const response = await send('PUT', '/snapshot', snapshot)
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error: { code: 'INVALID_SNAPSHOT' } })
  })

  it('refuses a snapshot of more than a million records before storing any of it', async () => {
    const mock = await createCseMock()
    const before = mock.snapshot()
    const snapshot = createSeedSnapshot({ apps: 1, servicesPerApp: 1, versionsPerService: 1 })
    snapshot.tenants[0]!.services[0]!.instances = new Array(MAX_SNAPSHOT_RECORDS)
    await expect(mock.restore(snapshot)).rejects.toThrow(/over the limit of 1000000/)
    expect(mock.snapshot()).toEqual(before)
  })
})
