import { describe, expect, it } from 'vitest'
import { createMockInspectorClient, type InspectorEvent } from '../../src/control/index.ts'
import { createCseMock } from '../../src/mock.ts'
import { shadowInspectorObserver } from '../../src/shadow/inspector-observer.ts'

const ctx = { domain: 'default', project: 'default' }

describe('createMockInspectorClient', () => {
  it('answers like the control API, from the mock itself', async () => {
    const mock = await createCseMock({ clock: 'virtual', seed: 42 })
    const client = createMockInspectorClient(mock)
    const view = await client.registry()
    expect(view.tenants[0]?.services).toHaveLength(12)
    expect(await client.clock()).toEqual({
      now: mock.clock.now(),
      iso: new Date(mock.clock.now()).toISOString(),
      virtual: true,
    })
    const fault = await client.addFault({ action: { type: 'network' }, times: 2 })
    expect(await client.faults()).toEqual([fault])
    await client.removeFault(fault.id)
    expect(await client.faults()).toEqual([])
    await client.setProfile('servicecomb')
    expect(await client.profile()).toBe('servicecomb')
    await client.advance(120_000)
    expect((await client.registry()).tenants[0]?.services[0]?.instances).toEqual([])
    expect(await client.shadow()).toEqual({ active: false })
    const observer = shadowInspectorObserver(mock, { live: 'http://127.0.0.1:1' })
    expect(await client.shadow()).toMatchObject({
      active: true,
      live: 'http://127.0.0.1:1',
      seen: 0,
    })
    await observer.close?.()
  })

  it('tells subscribers about registry changes at once, then once more after a burst', async () => {
    const mock = await createCseMock({ clock: 'virtual' })
    const client = createMockInspectorClient(mock)
    const events: InspectorEvent[] = []
    const stop = client.subscribe((event) => events.push(event))
    const { serviceId } = await mock.registry.createService(ctx, {
      service: { serviceName: 'burst', version: '1.0.0' },
    })
    for (let i = 0; i < 5; i++) {
      await mock.registry.registerInstance(ctx, serviceId, {
        hostName: `burst-${i}`,
        endpoints: [`rest://10.0.0.${i}:80`],
      })
    }
    expect(events).toEqual([{ type: 'connection', live: true }, { type: 'registry' }])
    await new Promise((resolve) => setTimeout(resolve, 250))
    expect(events).toEqual([
      { type: 'connection', live: true },
      { type: 'registry' },
      { type: 'registry' },
    ])
    stop()
    await mock.registry.createService(ctx, { service: { serviceName: 'after', version: '1.0.0' } })
    expect(events).toHaveLength(3)
  })

  it('gives back what was there when a snapshot is refused', async () => {
    const mock = await createCseMock({ seed: 42 })
    const client = createMockInspectorClient(mock)
    const before = mock.snapshot()
    const broken = {
      format: 'cse-mock/snapshot@1',
      tenants: [
        { domain: 'default', project: 'default', services: [{ service: {} }], dependencies: [] },
      ],
    }
    await expect(client.restore(broken as never)).rejects.toThrow()
    expect(mock.snapshot()).toEqual(before)
  })
})
