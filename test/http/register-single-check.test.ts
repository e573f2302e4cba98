import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { OperationInput } from '../../src/http/operation.ts'
import { type CseMock, createCseMock, OPERATIONS, type Profile } from '../../src/index.ts'
import { RegistryError } from '../../src/registry/index.ts'
import { createSpecValidator } from '../../src/spec/validators.ts'

// A registration over HTTP has its instance body checked against the spec once, at the HTTP
// layer; the registry then skips its own check of the record it builds from that body. These
// pin that nobody can tell: the wire answers the same texts, a direct registry caller is still
// checked, and the skip cannot be asked for from outside the package.

const ctx = { domain: 'default', project: 'default' }
const GOOD = { hostName: 'node-1', endpoints: ['rest://10.0.0.1:8080'] }
const RULE = 'does not match rule'

/** Invalid instance fields and the detail of the 400001 each one gets, in both profiles. */
const INVALID: [Record<string, unknown>, string][] = [
  [
    { hostName: '' },
    `field 'MicroServiceInstance.HostName' invalid value '' ${RULE}: {Min: 1, Max: 64, Regexp: \\S+}`,
  ],
  [
    { hostName: 'h'.repeat(65) },
    `field 'MicroServiceInstance.HostName' invalid value '${'h'.repeat(65)}' ${RULE}: {Min: 1, Max: 64, Regexp: \\S+}`,
  ],
  [
    { hostName: '😀'.repeat(65) },
    `field 'MicroServiceInstance.HostName' invalid value '${'😀'.repeat(65)}' ${RULE}: {Min: 1, Max: 64, Regexp: \\S+}`,
  ],
  [
    { endpoints: [' '] },
    `field 'MicroServiceInstance.Endpoints' invalid value ' ' ${RULE}: {Regexp: \\S+}`,
  ],
  [
    { endpoints: 'rest://a:1' },
    "field 'instance.endpoints' invalid value 'rest://a:1' must be of type array",
  ],
  [
    { status: 'up' },
    `field 'MicroServiceInstance.Status' invalid value 'up' ${RULE}: {Regexp: ^(UP|DOWN|STARTING|TESTING|OUTOFSERVICE)?$}`,
  ],
  [
    { instanceId: 'a/b' },
    `field 'MicroServiceInstance.InstanceId' invalid value 'a/b' ${RULE}: {Max: 64, Regexp: ^[A-Za-z0-9_.-]*$}`,
  ],
  [
    { healthCheck: { mode: 'push', interval: 0 } },
    `field 'HealthCheck.Interval' invalid value '0' ${RULE}: {Min: 1, Max: 2147483647}`,
  ],
  [
    { healthCheck: { mode: 'push', interval: 1.5 } },
    "field 'instance.healthCheck.interval' invalid value '1.5' must be of type integer",
  ],
  [
    { healthCheck: { mode: 'push', interval: 30, url: '/a b' } },
    `field 'HealthCheck.Url' invalid value '/a b' ${RULE}: {Regexp: ^\\S*$}`,
  ],
  [
    { dataCenterInfo: { name: 'dc 1', region: 'r', availableZone: 'a' } },
    `field 'DataCenterInfo.Name' invalid value 'dc 1' ${RULE}: {Min: 1, Max: 128, Regexp: ^[A-Za-z0-9_.-]+$}`,
  ],
  [
    { properties: { weight: 10 } },
    "field 'instance.properties.weight' invalid value '10' must be of type string",
  ],
]

/** Valid registrations at the edges of what the registry rewrites before it stores a record. */
const VALID: Record<string, unknown>[] = [
  {},
  { status: '' },
  { hostName: '😀'.repeat(64), endpoints: ['€ x'] },
  { healthCheck: { mode: 'pull', interval: 1 } },
  { healthCheck: { mode: 'push', interval: 1, times: 0, port: 0 } },
  { healthCheck: { mode: 'push', interval: 2147483647, times: 2147483647 } },
  {
    properties: { empty: '', a: '1' },
    dataCenterInfo: { name: 'dc', region: 'r', availableZone: 'z' },
  },
  { HostName: 'upper', ENDPOINTS: ['rest://b:2'], unknown: { deep: [1] } },
]

async function setup(profile: Profile) {
  const mock = await createCseMock({ profile })
  const { serviceId } = await mock.registry.createService(ctx, {
    service: { serviceName: 'single-check', version: '1.0.0' },
  })
  const register = async (instance: Record<string, unknown>) => {
    const reply = await mock.fetch(
      `http://x/v4/default/registry/microservices/${serviceId}/instances`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ instance: { ...GOOD, ...instance } }),
      },
    )
    return { status: reply.status, body: (await reply.json()) as Record<string, string> }
  }
  return { mock, serviceId, register }
}

const invalidRecord = (field: string, message: string) =>
  `MicroServiceInstance does not match the spec: ${field}: ${message}`

async function refusal(run: () => Promise<unknown>): Promise<string> {
  const error = await run().then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(RegistryError)
  expect((error as RegistryError).code).toBe('400001')
  return (error as RegistryError).detail
}

describe.each(['cse', 'servicecomb'] as const)('registration in the %s profile', (profile) => {
  it('answers each invalid body over HTTP with its exact 400001 text', async () => {
    const { register } = await setup(profile)
    expect((await register({ instanceId: 'same-1' })).status).toBe(200)
    for (const [fields, detail] of INVALID) {
      // A new instance, then the re-registration of a live one (the cse profile overwrites it).
      for (const instance of [fields, { instanceId: 'same-1', ...fields }]) {
        const reply = await register(instance)
        expect(reply, JSON.stringify(instance)).toEqual({
          status: 400,
          body: { errorCode: '400001', errorMessage: 'Invalid parameter(s)', detail },
        })
      }
    }
  })

  it('stores records that conform to the spec from every valid body it skips checking', async () => {
    const { mock, serviceId, register } = await setup(profile)
    const validator = createSpecValidator()
    for (const fields of VALID) {
      const reply = await register(fields)
      expect(reply.status, JSON.stringify(fields)).toBe(200)
      const again = await register({ ...fields, instanceId: reply.body.instanceId })
      expect(again.status, JSON.stringify(fields)).toBe(200)
      const stored = mock.registry.getInstance(ctx, serviceId, reply.body.instanceId!).value
      expect(validator.schema('MicroServiceInstance', stored.instance)).toEqual([])
    }
  })

  it('still checks the record of a direct registry caller', async () => {
    const { mock, serviceId } = await setup(profile)
    const { registry } = mock
    const bad = { ...GOOD, properties: { weight: 7 as unknown as string } }
    expect(await refusal(() => registry.registerInstance(ctx, serviceId, bad))).toBe(
      invalidRecord('properties.weight', 'must be of type string'),
    )
    const status = { ...GOOD, status: 'up' as 'UP' }
    expect(await refusal(() => registry.registerInstance(ctx, serviceId, status))).toBe(
      invalidRecord('status', 'must be one of UP, DOWN, STARTING, TESTING, OUTOFSERVICE'),
    )
    expect(registry.listInstances(ctx, serviceId).value).toEqual({})
  })

  it('still checks a body handed to the exported operation without its runner', async () => {
    const { mock, serviceId } = await setup(profile)
    const operation = OPERATIONS.find(({ operationId }) => operationId === 'registerInstance')!
    const bad = { ...GOOD, healthCheck: { mode: 'push', interval: 30, url: 'a b' } }
    const input = {
      registry: mock.registry,
      ctx,
      params: { project: 'default', serviceId },
      body: { instance: bad },
      deferred: [],
    } as unknown as OperationInput
    expect(await refusal(async () => operation.handle(input))).toBe(
      invalidRecord('healthCheck.url', 'does not match pattern ^\\S*$'),
    )
    expect(mock.registry.listInstances(ctx, serviceId).value).toEqual({})
  })
})

it('re-registering over HTTP still refuses what a direct overwrite would store invalid', async () => {
  // The cse profile overwrites a live instance; a direct caller's overwrite is checked too.
  const { mock, serviceId, register } = await setup('cse')
  const { instanceId } = (await register({})).body
  const overwrite = { ...GOOD, instanceId: instanceId!, properties: { w: 1 as unknown as string } }
  expect(await refusal(() => mock.registry.registerInstance(ctx, serviceId, overwrite))).toBe(
    invalidRecord('properties.w', 'must be of type string'),
  )
  const kept = mock.registry.getInstance(ctx, serviceId, instanceId!).value.instance
  expect(kept.properties).toBeUndefined()
})

describe('the single-check path', () => {
  const INTERNAL = [
    'markCheckedInstance',
    'takeCheckedInstance',
    'bodyPassedSpec',
    'isSpecValidator',
  ]
  const root = new URL('../../', import.meta.url)

  it.each([
    'src/index.ts',
    'src/node.ts',
    'src/server/index.ts',
    'src/vitest.ts',
    'src/client.ts',
    'src/contract/index.ts',
  ])('is not exported from %s', async (path) => {
    const module = (await import(/* @vite-ignore */ new URL(path, root).href)) as CseMock
    for (const name of INTERNAL) expect(Object.keys(module)).not.toContain(name)
  })

  it('is not importable through the package: its exports map names no module folder', () => {
    const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
      exports: Record<string, unknown>
    }
    for (const [path, target] of Object.entries(manifest.exports)) {
      expect(path).not.toContain('*')
      expect(JSON.stringify(target)).not.toMatch(/checked-input|\/registry\/|\*/)
    }
  })
})
