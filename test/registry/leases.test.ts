import { describe, expect, it } from 'vitest'
import { PROFILE_RULES } from '../../src/registry/index.ts'
import { LeaseTable, normalizeHealthCheck, ttlMs } from '../../src/registry/leases.ts'
import { ctx, expectCode, instance, service, setup } from './helpers.ts'

describe('TTL and heartbeats', () => {
  it('computes the TTL as interval × (times + 1) seconds', () => {
    expect(ttlMs({ mode: 'push', interval: 30, times: 3 })).toBe(120_000)
    expect(
      ttlMs(
        normalizeHealthCheck({ mode: 'push', interval: 1, times: 0 }, PROFILE_RULES.servicecomb),
      ),
    ).toBe(20_000)
    expect(ttlMs(undefined)).toBe(120_000)
  })

  it('expires an instance once its TTL has passed, keeping the service', async () => {
    const { registry, clock } = setup()
    const sid = await service(registry)
    const iid = await instance(registry, sid, {
      healthCheck: { mode: 'push', interval: 10, times: 2 },
    })
    clock.advance(29_999)
    expect(registry.getInstance(ctx, sid, iid).value.instance.instanceId).toBe(iid)
    clock.advance(1)
    await expectCode(() => registry.getInstance(ctx, sid, iid), '400017')
    expect(registry.getService(ctx, sid).service.serviceId).toBe(sid)
  })

  it('a heartbeat before expiry extends the lease to a full TTL', async () => {
    const { registry, clock } = setup()
    const sid = await service(registry)
    const iid = await instance(registry, sid)
    clock.advance(100_000)
    registry.heartbeat(ctx, sid, iid)
    clock.advance(100_000)
    expect(registry.listInstances(ctx, sid).value.instances).toHaveLength(1)
    clock.advance(20_000)
    expect(registry.listInstances(ctx, sid).value).toEqual({})
  })

  it('a heartbeat does not change the revision or modTimestamp', async () => {
    const { registry, clock } = setup()
    const sid = await service(registry)
    const iid = await instance(registry, sid)
    const before = registry.getInstance(ctx, sid, iid)
    clock.advance(5000)
    registry.heartbeat(ctx, sid, iid)
    const after = registry.getInstance(ctx, sid, iid)
    expect(after.revision).toBe(before.revision)
    expect(after.value.instance.modTimestamp).toBe('1700000000')
  })

  it('answers 400017 to a heartbeat of an expired instance', async () => {
    const { registry, clock } = setup()
    const sid = await service(registry)
    const iid = await instance(registry, sid)
    clock.advance(120_000)
    await expectCode(() => registry.heartbeat(ctx, sid, iid), '400017')
  })

  it('expiry changes the revision', async () => {
    const { registry, clock } = setup()
    const sid = await service(registry)
    await instance(registry, sid, { healthCheck: { mode: 'push', interval: 10, times: 0 } })
    await instance(registry, sid)
    const before = registry.listInstances(ctx, sid).revision
    clock.advance(10_000)
    const after = registry.listInstances(ctx, sid)
    expect(after.value.instances).toHaveLength(1)
    expect(after.revision).not.toBe(before)
  })

  it('sweep() expires due instances on demand', async () => {
    const { registry, clock } = setup()
    const sid = await service(registry)
    await instance(registry, sid)
    clock.advance(120_000)
    registry.sweep()
    expect(registry.stats().instances).toBe(0)
  })
})

describe('batch heartbeat', () => {
  it('answers nothing when all succeed in the cse profile', async () => {
    const { registry } = setup('cse')
    const sid = await service(registry)
    const iid = await instance(registry, sid)
    expect(registry.heartbeats(ctx, [{ serviceId: sid, instanceId: iid }])).toBeUndefined()
  })

  it('answers 400017 when one fails in the cse profile, still renewing the others', async () => {
    const { registry, clock } = setup('cse')
    const sid = await service(registry)
    const iid = await instance(registry, sid)
    clock.advance(100_000)
    await expectCode(
      () =>
        registry.heartbeats(ctx, [
          { serviceId: sid, instanceId: iid },
          { serviceId: sid, instanceId: 'gone' },
        ]),
      '400017',
    )
    clock.advance(100_000)
    expect(registry.listInstances(ctx, sid).value.instances).toHaveLength(1)
  })

  it('lists every pair with errMessage on failures in the servicecomb profile', async () => {
    const { registry } = setup('servicecomb')
    const sid = await service(registry)
    const iid = await instance(registry, sid)
    const pairs = [
      { serviceId: sid, instanceId: iid },
      { serviceId: sid, instanceId: 'gone' },
      { serviceId: sid, instanceId: iid },
    ]
    expect(registry.heartbeats(ctx, pairs)).toEqual({
      instances: [
        { serviceId: sid, instanceId: iid },
        {
          serviceId: sid,
          instanceId: 'gone',
          errMessage: expect.stringContaining('does not exist'),
        },
      ],
    })
  })

  it('rejects an empty batch with 400001', async () => {
    const { registry } = setup('servicecomb')
    await expectCode(() => registry.heartbeats(ctx, []), '400001')
  })
})

describe('LeaseTable', () => {
  const owner = (instanceId: string) => ({ tenantKey: 't', serviceId: 's', instanceId })

  it('expires leases earliest first', () => {
    const leases = new LeaseTable()
    leases.grant(owner('c'), 30, 0)
    leases.grant(owner('a'), 10, 0)
    leases.grant(owner('b'), 20, 0)
    const expired: string[] = []
    leases.drain(25, (lease) => expired.push(lease.instanceId))
    expect(expired).toEqual(['a', 'b'])
    expect(leases.size).toBe(1)
  })

  it('re-queues a renewed lease instead of expiring it', () => {
    const leases = new LeaseTable()
    const lease = leases.grant(owner('a'), 10, 0)
    leases.renew(lease, 8)
    const expired: string[] = []
    leases.drain(12, (l) => expired.push(l.instanceId))
    expect(expired).toEqual([])
    leases.drain(18, (l) => expired.push(l.instanceId))
    expect(expired).toEqual(['a'])
  })

  it('moves a lease forward when its TTL shrinks', () => {
    const leases = new LeaseTable()
    const lease = leases.grant(owner('a'), 100, 0)
    leases.renew(lease, 0, 5)
    const expired: string[] = []
    leases.drain(5, (l) => expired.push(l.instanceId))
    expect(expired).toEqual(['a'])
  })

  it('forgets a revoked lease', () => {
    const leases = new LeaseTable()
    const leaseList = ['a', 'b', 'c', 'd', 'e'].map((id, i) => leases.grant(owner(id), 10 + i, 0))
    leases.revoke(leaseList[1]!)
    leases.revoke(leaseList[1]!)
    const expired: string[] = []
    leases.drain(100, (l) => expired.push(l.instanceId))
    expect(expired).toEqual(['a', 'c', 'd', 'e'])
  })
})
