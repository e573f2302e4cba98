import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createRegistryClient } from '../../src/client.ts'
import {
  cleanupRun,
  createOwnershipTracker,
  createRunLedger,
  createWriteGuard,
  foreignTarget,
  installInterruptCleanup,
  SPEC_OPERATIONS,
} from '../../src/contract/index.ts'

const BASE = 'http://guarded.contract.test'
const received: string[] = []
const server = setupServer(
  http.all(`${BASE}/*`, async ({ request }) => {
    const url = new URL(request.url)
    received.push(`${request.method} ${url.pathname}`)
    if (request.method === 'POST' && url.pathname.endsWith('/microservices')) {
      return HttpResponse.json({ serviceId: 'created-1' })
    }
    if (url.pathname.endsWith('/gone')) {
      return HttpResponse.json(
        { errorCode: '400012', errorMessage: 'Micro-service does not exist' },
        { status: 400 },
      )
    }
    return new HttpResponse('', { headers: { 'Content-Type': 'text/plain; charset=UTF-8' } })
  }),
)
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterEach(() => {
  received.length = 0
})
afterAll(() => server.close())

function guardedClient() {
  const ledger = createRunLedger('feedbeef')
  const client = createRegistryClient({ baseUrl: BASE })
  client.use(createWriteGuard(ledger), createOwnershipTracker(ledger))
  return { ledger, client, path: (serviceId: string) => ({ project: 'default', serviceId }) }
}

describe('the write guard', () => {
  it('refuses a write to a service id the run did not create, before sending it', async () => {
    const { client, path } = guardedClient()
    const attempt = client.DELETE('/v4/{project}/registry/microservices/{serviceId}', {
      params: { path: path('someone-elses-service'), query: { force: 'true' } },
    })
    await expect(attempt).rejects.toMatchObject({
      code: 'ERR_FOREIGN_WRITE',
      message: expect.stringContaining('"someone-elses-service" was not created by this run'),
    })
    expect(received).toEqual([])
  })

  it('lets writes through to a service the run created, and only then', async () => {
    const { client, ledger, path } = guardedClient()
    const created = await client.POST('/v4/{project}/registry/microservices', {
      params: { path: { project: 'default' } },
      body: {
        service: {
          appId: ledger.appId,
          serviceName: 'a',
          version: '1.0.0',
        },
      },
    })
    expect(created.data?.serviceId).toBe('created-1')
    expect([...ledger.created]).toEqual(['created-1'])
    await client.PUT('/v4/{project}/registry/microservices/{serviceId}/properties', {
      params: { path: path('created-1') },
      body: { properties: {} },
    })
    expect(received).toEqual([
      'POST /v4/default/registry/microservices',
      'PUT /v4/default/registry/microservices/created-1/properties',
    ])
  })

  it('refuses creating a service outside the run application', async () => {
    const { client } = guardedClient()
    const attempt = client.POST('/v4/{project}/registry/microservices', {
      params: { path: { project: 'default' } },
      body: {
        service: {
          appId: 'production-app',
          serviceName: 'a',
          version: '1.0.0',
        },
      },
    })
    await expect(attempt).rejects.toMatchObject({ code: 'ERR_FOREIGN_WRITE' })
    expect(received).toEqual([])
  })

  it('judges body-addressed writes and consumer ids by the same rule', () => {
    const ledger = createRunLedger('feedbeef')
    ledger.recordCreated('mine')
    const batchDelete = { method: 'DELETE', schemaPath: '/v4/{project}/registry/microservices' }
    expect(
      foreignTarget(ledger, { ...batchDelete, body: { serviceIds: ['mine'] } }),
    ).toBeUndefined()
    expect(
      foreignTarget(ledger, { ...batchDelete, body: { serviceIds: ['mine', 'theirs'] } }),
    ).toMatch(/"theirs"/)
    const beats = { method: 'PUT', schemaPath: '/v4/{project}/registry/heartbeats' }
    expect(
      foreignTarget(ledger, {
        ...beats,
        body: { instances: [{ serviceId: 'theirs', instanceId: 'i' }] },
      }),
    ).toMatch(/"theirs"/)
    const status = { method: 'PUT', schemaPath: '/v4/{project}/registry/instances/status' }
    expect(
      foreignTarget(ledger, {
        ...status,
        body: { matches: { properties: { zone: 'a' } }, status: 'DOWN' },
      }),
    ).toMatch(/cseMockContractRun/)
    expect(
      foreignTarget(ledger, {
        ...status,
        body: { matches: { properties: { cseMockContractRun: 'feedbeef' } } },
      }),
    ).toBeUndefined()
    const find = { method: 'GET', schemaPath: '/v4/{project}/registry/instances' }
    expect(
      foreignTarget(ledger, { ...find, consumerId: 'theirs', query: { appId: ledger.appId } }),
    ).toMatch(/consumer "theirs"/)
    expect(
      foreignTarget(ledger, { ...find, consumerId: 'mine', query: { appId: 'other-app' } }),
    ).toMatch(/provider/)
    expect(foreignTarget(ledger, { ...find, query: { appId: 'other-app' } })).toBeUndefined()
    const deps = { method: 'PUT', schemaPath: '/v4/{project}/registry/dependencies' }
    const consumer = { appId: ledger.appId, serviceName: 'c', version: '1.0.0' }
    expect(
      foreignTarget(ledger, {
        ...deps,
        body: { dependencies: [{ consumer, providers: [{ appId: 'other', serviceName: 'p' }] }] },
      }),
    ).toMatch(/provider appId/)
  })

  it('refuses every write operation of the spec when it names a foreign service', () => {
    const ledger = createRunLedger('feedbeef')
    const foreign = 'someone-elses-service'
    const bodies: Record<string, unknown> = {
      createService: { service: { appId: 'their-app', serviceName: 's' } },
      deleteServices: { serviceIds: [foreign] },
      heartbeats: { instances: [{ serviceId: foreign, instanceId: 'i' }] },
      updateInstancesStatus: { matches: { properties: { zone: 'a' } }, status: 'DOWN' },
      addDependencies: {
        dependencies: [
          { consumer: { appId: 'their-app', serviceName: 'c', version: '1' }, providers: [] },
        ],
      },
      putDependencies: {
        dependencies: [
          { consumer: { appId: 'their-app', serviceName: 'c', version: '1' }, providers: [] },
        ],
      },
      createAccount: { name: 'their-account', password: 'Their#Pa55', roles: ['admin'] },
      batchCreateAccounts: { accounts: [{ name: 'their-account' }] },
      createRole: { name: 'their-role', perms: [] },
    }
    // Neither changes the registry: the login, and batch find without a consumer.
    const harmless = new Set(['createToken', 'batchFindInstances'])
    const writes = SPEC_OPERATIONS.filter(
      (op) => op.method !== 'get' && !harmless.has(op.operationId),
    )
    expect(writes.length).toBeGreaterThan(15)
    for (const op of writes) {
      const path = {
        project: 'default',
        serviceId: foreign,
        consumerId: foreign,
        providerId: foreign,
        instanceId: 'i',
        schemaId: 's',
        key: 'k',
        name: 'their-account',
        roleName: 'their-role',
      }
      const reason = foreignTarget(ledger, {
        method: op.method,
        schemaPath: op.path,
        path,
        body: bodies[op.operationId],
      })
      expect({ operation: op.operationId, refused: reason !== undefined }).toEqual({
        operation: op.operationId,
        refused: true,
      })
    }
  })

  it('after close() only lets deletes of the run services through', () => {
    const ledger = createRunLedger('feedbeef')
    ledger.recordCreated('mine')
    ledger.close()
    const one = '/v4/{project}/registry/microservices/{serviceId}'
    expect(
      foreignTarget(ledger, { method: 'DELETE', schemaPath: one, path: { serviceId: 'mine' } }),
    ).toBeUndefined()
    expect(
      foreignTarget(ledger, {
        method: 'PUT',
        schemaPath: `${one}/properties`,
        path: { serviceId: 'mine' },
      }),
    ).toMatch(/shutting down/)
  })
})

describe('cleanupRun', () => {
  it('force-deletes every created service, counts an already deleted one, touches nothing else', async () => {
    const { client, ledger } = guardedClient()
    ledger.recordCreated('alive')
    ledger.recordCreated('gone')
    const report = await cleanupRun(client, ledger)
    expect(report).toEqual({ deleted: ['alive', 'gone'], failed: [] })
    expect(received).toEqual([
      'DELETE /v4/default/registry/microservices/alive',
      'DELETE /v4/default/registry/microservices/gone',
    ])
    expect(ledger.created.size).toBe(0)
  })
})

describe('installInterruptCleanup', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('runs the cleanup on %s, then exits with %i', async (signal, code) => {
    const steps: string[] = []
    const exited = new Promise<number>((resolve) => {
      const uninstall = installInterruptCleanup(
        async () => {
          steps.push('cleanup')
        },
        {
          exit: (status) => {
            steps.push('exit')
            uninstall()
            resolve(status)
          },
          log: vi.fn(),
        },
      )
      process.emit(signal)
    })
    expect(await exited).toBe(code)
    expect(steps).toEqual(['cleanup', 'exit'])
  })
})
