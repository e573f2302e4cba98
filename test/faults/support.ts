import { type SetupServer, setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { withControlHandlers } from '../../src/control/index.ts'
import { type CseMock, type CseMockOptions, createCseMock } from '../../src/mock.ts'

/** The origin the tests talk to; msw answers it in-process. */
export const BASE_URL = 'http://127.0.0.1:30100'
/** The registry root of the default tenant. */
export const REGISTRY = `${BASE_URL}/v4/default/registry`

/**
 * Starts a mock behind msw's `setupServer` for the file, resets it after each test, and hands
 * back a getter (the mock exists only once `beforeAll` ran).
 */
export function serveMock(options: CseMockOptions = {}): {
  mock: () => CseMock
  server: () => SetupServer
} {
  let mock: CseMock | undefined
  let server: SetupServer | undefined
  beforeAll(async () => {
    mock = await createCseMock(options)
    server = setupServer(...withControlHandlers(mock))
    server.listen({ onUnhandledFrame: 'error' })
  })
  afterEach(async () => {
    await mock?.reset()
  })
  afterAll(() => {
    server?.close()
  })
  return {
    mock: () => started(mock),
    server: () => started(server),
  }
}

function started<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the mock is not started yet')
  return value
}

/** Sends a JSON request to the registry and returns the Response. */
export function call(method: string, path: string, body?: unknown): Promise<Response> {
  const init: RequestInit = { method }
  if (body !== undefined) {
    init.body = JSON.stringify(body)
    init.headers = { 'Content-Type': 'application/json' }
  }
  return fetch(`${REGISTRY}${path}`, init)
}

/** Creates a service and returns its id. */
export async function createService(serviceName: string, appId = 'shop'): Promise<string> {
  const response = await call('POST', '/microservices', {
    service: { serviceName, appId, version: '1.0.0' },
  })
  if (response.status !== 200) throw new Error(`createService: ${await response.text()}`)
  return ((await response.json()) as { serviceId: string }).serviceId
}

/** Registers an instance with a 30 s × (3 + 1) = 120 s lease and returns its id. */
export async function registerInstance(serviceId: string, hostName = 'node-1'): Promise<string> {
  const response = await call('POST', `/microservices/${serviceId}/instances`, {
    instance: {
      hostName,
      endpoints: [`rest://10.0.0.${hostName.length}:8080`],
      healthCheck: { mode: 'push', interval: 30, times: 3 },
    },
  })
  if (response.status !== 200) throw new Error(`registerInstance: ${await response.text()}`)
  return ((await response.json()) as { instanceId: string }).instanceId
}

/** `GET …/version`, the cheapest registry call. */
export function getVersion(): Promise<Response> {
  return call('GET', '/version')
}
