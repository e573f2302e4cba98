import { describe, expectTypeOf, it } from 'vitest'
import type { components, operations, paths } from '../../src/generated/schema.ts'

type Schemas = components['schemas']
type MicroService = Schemas['MicroService']
type MicroServiceInstance = Schemas['MicroServiceInstance']

describe('generated types', () => {
  it('make response fields optional and input identity fields required', () => {
    const service = { serviceName: 'orders' } satisfies MicroService
    expectTypeOf(service).toExtend<MicroService>()
    expectTypeOf<MicroService['serviceId']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<
      Schemas['CreateServiceRequest']['service']['serviceName']
    >().toEqualTypeOf<string>()
    expectTypeOf<
      Schemas['RegisterInstanceRequest']['instance']['hostName']
    >().toEqualTypeOf<string>()
    expectTypeOf<MicroServiceInstance['hostName']>().toEqualTypeOf<string | undefined>()
    // @ts-expect-error serviceName is required on creation
    const missing: Schemas['CreateServiceRequest'] = { service: { appId: 'shop' } }
    void missing
  })

  it('type enums and the error envelope', () => {
    expectTypeOf<MicroServiceInstance['status']>().toEqualTypeOf<
      'UP' | 'DOWN' | 'STARTING' | 'TESTING' | 'OUTOFSERVICE' | undefined
    >()
    expectTypeOf<Schemas['HealthCheck']['mode']>().toEqualTypeOf<'push' | 'pull'>()
    expectTypeOf<Schemas['Error']>().toEqualTypeOf<{
      errorCode: string
      errorMessage: string
      detail?: string
    }>()
    const event = {
      action: 'CREATE',
      key: { serviceName: 'orders', appId: 'shop' },
      instance: { hostName: 'node-1' },
    } satisfies Schemas['WatchEvent']
    expectTypeOf(event.action).toEqualTypeOf<'CREATE'>()
  })

  it('type batch find results with always-present index and rev', () => {
    expectTypeOf<Schemas['FindResult']['index']>().toEqualTypeOf<number>()
    expectTypeOf<Schemas['FindResult']['rev']>().toEqualTypeOf<string>()
    expectTypeOf<Schemas['FindFailedResult']['error']>().toEqualTypeOf<Schemas['Error']>()
    expectTypeOf<Schemas['BatchFindResponse']['services']>().toEqualTypeOf<
      Schemas['BatchFindResult'] | undefined
    >()
  })

  it('type paths with their parameters and bodies', () => {
    type Find = paths['/v4/{project}/registry/instances']['get']
    expectTypeOf<Find['parameters']['query']['appId']>().toEqualTypeOf<string>()
    expectTypeOf<Find['parameters']['query']['version']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<Find['responses'][200]['content']['application/json']>().toEqualTypeOf<
      Schemas['InstancesResponse']
    >()
    type Register = operations['registerInstance']
    const body = {
      instance: { hostName: 'node-1', endpoints: ['rest://10.0.0.5:8080'] },
    } satisfies Register['requestBody']['content']['application/json']
    expectTypeOf(body).toExtend<Schemas['RegisterInstanceRequest']>()
    expectTypeOf<
      paths['/v4/token']['post']['responses'][200]['content']['application/json']
    >().toEqualTypeOf<Schemas['TokenResponse']>()
  })
})
