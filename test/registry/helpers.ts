import { expect } from 'vitest'
import {
  createRegistry,
  createVirtualClock,
  type MicroService,
  type MicroServiceInstance,
  type Profile,
  type Registry,
  RegistryError,
  type RequestContext,
  type VirtualClock,
} from '../../src/registry/index.ts'

/** The default tenant, no consumer. */
export const ctx: RequestContext = { domain: 'default', project: 'default' }

/** 2023-11-14T22:13:20Z: a round number of seconds, so timestamps are easy to read. */
export const START_MS = 1_700_000_000_000

/** A registry on a virtual clock. */
export function setup(profile: Profile = 'cse'): { registry: Registry; clock: VirtualClock } {
  const clock = createVirtualClock(START_MS)
  return { registry: createRegistry({ profile, clock }), clock }
}

/** Creates a service and returns its id. */
export async function service(
  registry: Registry,
  fields: MicroService = {},
  context: RequestContext = ctx,
): Promise<string> {
  const { serviceId } = await registry.createService(context, {
    service: { serviceName: 'cart', appId: 'shop', version: '1.0.0', ...fields },
  })
  return serviceId
}

let port = 8000

/** Registers an instance with a fresh endpoint and returns its id. */
export async function instance(
  registry: Registry,
  serviceId: string,
  fields: MicroServiceInstance = {},
  context: RequestContext = ctx,
): Promise<string> {
  port++
  const { instanceId } = await registry.registerInstance(context, serviceId, {
    hostName: 'node-1',
    endpoints: [`rest://10.0.0.1:${port}`],
    ...fields,
  })
  return instanceId
}

/** Asserts that the call fails with the registry error `code`. */
export async function expectCode(run: () => unknown, code: string): Promise<RegistryError> {
  let caught: unknown
  try {
    await run()
  } catch (error) {
    caught = error
  }
  expect(caught, `expected RegistryError ${code}`).toBeInstanceOf(RegistryError)
  expect((caught as RegistryError).code).toBe(code)
  return caught as RegistryError
}
