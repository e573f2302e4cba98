import { describe, expect, it } from 'vitest'
import { createRegistry } from '../../src/registry/index.ts'
import { ctx, expectCode, instance, service, setup } from './helpers.ts'

describe('instance registration', () => {
  it('fills status, healthCheck, version, serviceId and timestamps', async () => {
    const { registry } = setup()
    const sid = await service(registry)
    const { instanceId } = await registry.registerInstance(ctx, sid, {
      hostName: 'node-1',
      endpoints: ['rest://10.0.0.5:8080'],
    })
    expect(instanceId).toMatch(/^[0-9a-f]{32}$/)
    expect(registry.getInstance(ctx, sid, instanceId).value.instance).toEqual({
      instanceId,
      serviceId: sid,
      endpoints: ['rest://10.0.0.5:8080'],
      hostName: 'node-1',
      status: 'UP',
      healthCheck: { mode: 'push', interval: 30, times: 3 },
      timestamp: '1700000000',
      modTimestamp: '1700000000',
      version: '1.0.0',
    })
  })

  it('requires endpoints in the cse profile', async () => {
    const { registry } = setup('cse')
    const sid = await service(registry)
    await expectCode(() => registry.registerInstance(ctx, sid, { hostName: 'h' }), '400001')
  })

  it('accepts an instance without endpoints in the servicecomb profile', async () => {
    const { registry } = setup('servicecomb')
    const sid = await service(registry)
    const { instanceId } = await registry.registerInstance(ctx, sid, { hostName: 'h' })
    expect(registry.getInstance(ctx, sid, instanceId).value.instance.endpoints).toBeUndefined()
  })

  it('answers 400012 for an unknown service', async () => {
    const { registry } = setup()
    await expectCode(() => instance(registry, 'nope'), '400012')
  })

  it('keeps push-mode heartbeat values as sent in the cse profile', async () => {
    const { registry } = setup('cse')
    const sid = await service(registry)
    const iid = await instance(registry, sid, {
      healthCheck: { mode: 'push', interval: 1, times: 0 },
    })
    expect(registry.getInstance(ctx, sid, iid).value.instance.healthCheck).toEqual({
      mode: 'push',
      interval: 1,
    })
  })

  it('raises push-mode interval to 5 and times to 3 in the servicecomb profile', async () => {
    const { registry } = setup('servicecomb')
    const sid = await service(registry)
    const iid = await instance(registry, sid, {
      healthCheck: { mode: 'push', interval: 1, times: 0 },
    })
    expect(registry.getInstance(ctx, sid, iid).value.instance.healthCheck).toEqual({
      mode: 'push',
      interval: 5,
      times: 3,
    })
  })

  it('forces pull mode to 30 s and 3 times in both profiles', async () => {
    for (const profile of ['cse', 'servicecomb'] as const) {
      const { registry } = setup(profile)
      const sid = await service(registry)
      const iid = await instance(registry, sid, {
        healthCheck: { mode: 'pull', interval: 7, times: 1 },
      })
      expect(registry.getInstance(ctx, sid, iid).value.instance.healthCheck).toEqual({
        mode: 'pull',
        interval: 30,
        times: 3,
      })
    }
  })

  it('re-registering a custom instanceId overwrites the instance in the cse profile', async () => {
    const { registry, clock } = setup('cse')
    const sid = await service(registry)
    await instance(registry, sid, { instanceId: 'fixed', hostName: 'old' })
    clock.advance(100_000)
    await instance(registry, sid, { instanceId: 'fixed', hostName: 'new' })
    const stored = registry.getInstance(ctx, sid, 'fixed').value.instance
    expect(stored.hostName).toBe('new')
    expect(stored.timestamp).toBe('1700000000')
    expect(stored.modTimestamp).toBe('1700000100')
    clock.advance(100_000)
    expect(registry.listInstances(ctx, sid).value.instances).toHaveLength(1)
  })

  it('re-registering a custom instanceId only renews the lease in the servicecomb profile', async () => {
    const { registry, clock } = setup('servicecomb')
    const sid = await service(registry)
    await instance(registry, sid, { instanceId: 'fixed', hostName: 'old' })
    const before = registry.getInstance(ctx, sid, 'fixed')
    clock.advance(100_000)
    await instance(registry, sid, { instanceId: 'fixed', hostName: 'new' })
    const after = registry.getInstance(ctx, sid, 'fixed')
    expect(after.value.instance.hostName).toBe('old')
    expect(after.revision).toBe(before.revision)
    clock.advance(100_000)
    expect(registry.listInstances(ctx, sid).value.instances).toHaveLength(1)
  })

  it('registers an expired custom instanceId again with that id', async () => {
    for (const profile of ['cse', 'servicecomb'] as const) {
      const { registry, clock } = setup(profile)
      const sid = await service(registry)
      await instance(registry, sid, { instanceId: 'fixed', hostName: 'old' })
      clock.advance(120_000)
      await instance(registry, sid, { instanceId: 'fixed', hostName: 'new' })
      expect(registry.getInstance(ctx, sid, 'fixed').value.instance.hostName).toBe('new')
    }
  })

  it('returns the original instanceId for duplicate endpoints in the cse profile', async () => {
    const { registry } = setup('cse')
    const sid = await service(registry)
    const body = { hostName: 'a', endpoints: ['rest://1.1.1.1:1', 'highway://1.1.1.1:2'] }
    const first = await registry.registerInstance(ctx, sid, body)
    const second = await registry.registerInstance(ctx, sid, {
      hostName: 'b',
      endpoints: ['highway://1.1.1.1:2', 'rest://1.1.1.1:1'],
    })
    expect(second.instanceId).toBe(first.instanceId)
    expect(registry.getInstance(ctx, sid, first.instanceId).value.instance.hostName).toBe('a')
  })

  it('answers 400025 for endpoints of another service in the cse profile', async () => {
    const { registry } = setup('cse')
    const a = await service(registry)
    const b = await service(registry, { serviceName: 'web' })
    await registry.registerInstance(ctx, a, { hostName: 'a', endpoints: ['rest://1.1.1.1:1'] })
    await expectCode(
      () => registry.registerInstance(ctx, b, { hostName: 'b', endpoints: ['rest://1.1.1.1:1'] }),
      '400025',
    )
  })

  it('creates a new instance for duplicate endpoints in the servicecomb profile', async () => {
    const { registry } = setup('servicecomb')
    const sid = await service(registry)
    const body = { hostName: 'a', endpoints: ['rest://1.1.1.1:1'] }
    const first = await registry.registerInstance(ctx, sid, body)
    const second = await registry.registerInstance(ctx, sid, body)
    expect(second.instanceId).not.toBe(first.instanceId)
    expect(registry.listInstances(ctx, sid).value.instances).toHaveLength(2)
  })

  it('answers 400100 when the instance quota is used up', async () => {
    const registry = createRegistry({ quotas: { instances: 1 } })
    const sid = await service(registry)
    await instance(registry, sid)
    await expectCode(() => instance(registry, sid), '400100')
  })
})

describe('instance reads and updates', () => {
  it('answers 400017 for an unknown instance or the wrong serviceId', async () => {
    const { registry } = setup()
    const a = await service(registry)
    const b = await service(registry, { serviceName: 'web' })
    const iid = await instance(registry, a)
    await expectCode(() => registry.getInstance(ctx, a, 'nope'), '400017')
    await expectCode(() => registry.deregisterInstance(ctx, b, iid), '400017')
    await expectCode(() => registry.updateInstanceStatus(ctx, a, 'nope', 'DOWN'), '400017')
  })

  it('deregisters an instance', async () => {
    const { registry } = setup()
    const sid = await service(registry)
    const iid = await instance(registry, sid)
    await registry.deregisterInstance(ctx, sid, iid)
    expect(registry.listInstances(ctx, sid).value).toEqual({})
  })

  it('a status update bumps the revision and modTimestamp', async () => {
    const { registry, clock } = setup()
    const sid = await service(registry)
    const iid = await instance(registry, sid)
    const before = registry.listInstances(ctx, sid).revision
    clock.advance(3000)
    await registry.updateInstanceStatus(ctx, sid, iid, 'DOWN')
    const after = registry.listInstances(ctx, sid)
    expect(after.revision).not.toBe(before)
    expect(after.value.instances?.[0]).toMatchObject({
      status: 'DOWN',
      modTimestamp: '1700000003',
      timestamp: '1700000000',
    })
  })

  it('a properties update replaces the map and bumps the revision and modTimestamp', async () => {
    const { registry, clock } = setup()
    const sid = await service(registry)
    const iid = await instance(registry, sid, { properties: { a: '1' } })
    const before = registry.getInstance(ctx, sid, iid).revision
    clock.advance(2000)
    await registry.updateInstanceProperties(ctx, sid, iid, { b: '2' })
    const after = registry.getInstance(ctx, sid, iid)
    expect(after.revision).not.toBe(before)
    expect(after.value.instance).toMatchObject({
      properties: { b: '2' },
      modTimestamp: '1700000002',
    })
    await registry.updateInstanceProperties(ctx, sid, iid, {})
    expect(registry.getInstance(ctx, sid, iid).value.instance.properties).toBeUndefined()
  })

  it('rejects an unknown status with 400001', async () => {
    const { registry } = setup()
    const sid = await service(registry)
    const iid = await instance(registry, sid)
    await expectCode(() => registry.updateInstanceStatus(ctx, sid, iid, 'SLEEPING'), '400001')
    expect(registry.getInstance(ctx, sid, iid).value.instance.status).toBe('UP')
  })

  it('a status or properties update does not renew the lease', async () => {
    const { registry, clock } = setup()
    const sid = await service(registry)
    const iid = await instance(registry, sid)
    clock.advance(100_000)
    await registry.updateInstanceStatus(ctx, sid, iid, 'DOWN')
    await registry.updateInstanceProperties(ctx, sid, iid, { a: '1' })
    clock.advance(20_000)
    await expectCode(() => registry.getInstance(ctx, sid, iid), '400017')
  })

  it('sets the status of every instance whose properties match', async () => {
    const { registry } = setup()
    const sid = await service(registry)
    const a = await instance(registry, sid, { properties: { zone: 'a', rack: '1' } })
    const b = await instance(registry, sid, { properties: { zone: 'b' } })
    await registry.updateInstancesStatus(ctx, {
      matches: { properties: { zone: 'a' } },
      status: 'DOWN',
    })
    expect(registry.getInstance(ctx, sid, a).value.instance.status).toBe('DOWN')
    expect(registry.getInstance(ctx, sid, b).value.instance.status).toBe('UP')
  })

  it('answers notModified when rev equals the current revision', async () => {
    const { registry } = setup()
    const sid = await service(registry)
    const iid = await instance(registry, sid)
    const { revision } = registry.listInstances(ctx, sid)
    expect(registry.listInstances(ctx, sid, { rev: revision }).notModified).toBe(true)
    expect(registry.listInstances(ctx, sid, { rev: 'stale' }).notModified).toBe(false)
    const one = registry.getInstance(ctx, sid, iid)
    expect(registry.getInstance(ctx, sid, iid, { rev: one.revision }).notModified).toBe(true)
  })

  it('gives an empty result a constant revision', async () => {
    const { registry } = setup()
    const a = await service(registry)
    const b = await service(registry, { serviceName: 'web' })
    expect(registry.listInstances(ctx, a).revision).toBe(registry.listInstances(ctx, b).revision)
  })

  it('hides a provider lacking a requested tag with 400012 when listing and 400017 when getting', async () => {
    const { registry } = setup()
    const sid = await service(registry)
    const iid = await instance(registry, sid)
    await expectCode(() => registry.listInstances(ctx, sid, { tags: ['canary'] }), '400012')
    await expectCode(() => registry.getInstance(ctx, sid, iid, { tags: ['canary'] }), '400017')
    await registry.setTags(ctx, sid, { canary: 'x' })
    expect(registry.listInstances(ctx, sid, { tags: ['canary'] }).value.instances).toHaveLength(1)
  })
})
