import { describe, expect, it } from 'vitest'
import { ctx, instance, service, setup } from './helpers.ts'

describe('governance views', () => {
  it('lists apps of the profile default environment when none is given (development in cse)', async () => {
    const { registry } = setup('cse')
    await service(registry, { appId: 'dev-app' })
    await service(registry, { appId: 'empty-env-app', serviceName: 'x', environment: 'testing' })
    expect(registry.listApps(ctx)).toEqual({ appIds: ['dev-app'] })
    expect(registry.listApps(ctx, { env: 'testing' })).toEqual({ appIds: ['empty-env-app'] })
    // SERVICECENTER lives in development too, but is shared: only withShared adds it.
    expect(registry.listApps(ctx, { withShared: true })).toEqual({ appIds: ['default', 'dev-app'] })
  })

  it('counts versions of one name once and online names by their instances', async () => {
    const { registry } = setup('servicecomb')
    const a1 = await service(registry, { serviceName: 'a', version: '1.0.0' })
    await service(registry, { serviceName: 'a', version: '2.0.0' })
    await service(registry, { serviceName: 'b', appId: 'other' })
    await instance(registry, a1)
    await instance(registry, a1)
    expect(registry.getStatistics(ctx).statistics).toEqual({
      services: { count: 2, onlineCount: 1 },
      instances: { count: 2, countByDomain: 2 },
      apps: { count: 2 },
    })
    const withShared = registry.listServiceDetails(ctx, {
      options: ['statistics'],
      withShared: true,
    })
    expect(withShared.statistics?.services).toEqual({ count: 3, onlineCount: 2 })
  })

  it('lists a service detail only for the tenant asked for', async () => {
    const { registry } = setup('servicecomb')
    const id = await service(registry, {}, { domain: 'elsewhere', project: 'p' })
    expect(registry.listServiceDetails(ctx, { options: ['all'] }).allServicesDetail).toBeUndefined()
    expect(
      registry.listServiceDetails({ domain: 'elsewhere', project: 'p' }, { options: [''] })
        .allServicesDetail?.[0]?.microService?.serviceId,
    ).toBe(id)
    expect(() => registry.getServiceDetail(ctx, id)).toThrow(/Service does not exist/)
  })
})
