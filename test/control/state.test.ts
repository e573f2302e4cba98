import { describe, expect, it } from 'vitest'
import type { Snapshot } from '../../src/registry/snapshot.ts'
import { createService, REGISTRY, serveMock } from '../faults/support.ts'
import { control, expectControlError, expectSpecResponse } from './control-spec.ts'

async function serviceCount(): Promise<number> {
  const body = (await (await fetch(`${REGISTRY}/microservices`)).json()) as { services?: unknown[] }
  return body.services?.length ?? 0
}

describe('with a virtual clock', () => {
  const { mock } = serveMock({ clock: 'virtual' })

  it('POST /reset empties the registry, the faults and the request log', async () => {
    await createService('orders')
    mock().faults.add({
      match: { operationId: 'getVersion' },
      action: { type: 'status', status: 503 },
    })
    const response = await control('POST', '/reset')
    await expectSpecResponse(response, 'POST', '/__cse-mock/reset')
    expect(response.status).toBe(204)
    expect(mock().faults.list()).toEqual([])
    expect(await serviceCount()).toBe(0)
    expect(
      mock()
        .requests.list()
        .map((entry) => entry.operationId),
    ).toEqual(['listServices'])
  })

  it('POST /seed fills the registry from seed options, the same way every time', async () => {
    const response = await control('POST', '/seed', { seed: 3, apps: 1, servicesPerApp: 2 })
    await expectSpecResponse(response, 'POST', '/__cse-mock/seed')
    expect(response.status).toBe(204)
    const first = mock().snapshot()
    expect(first.tenants[0]?.services.length).toBeGreaterThan(0)
    await control('POST', '/reset')
    await control('POST', '/seed', { seed: 3, apps: 1, servicesPerApp: 2 })
    expect(mock().snapshot()).toEqual(first)
  })

  it('POST /seed answers 400 for bad options', async () => {
    const path = '/__cse-mock/seed'
    await expectControlError(
      await control('POST', '/seed', { apps: -1 }),
      'POST',
      path,
      'INVALID_SEED_OPTIONS',
    )
    await expectControlError(
      await control('POST', '/seed', { servics: 2 }),
      'POST',
      path,
      'INVALID_SEED_OPTIONS',
    )
    await expectControlError(
      await control('POST', '/seed', '{"seed":'),
      'POST',
      path,
      'INVALID_JSON',
    )
    await expectControlError(await control('POST', '/seed', '"many"'), 'POST', path, 'INVALID_BODY')
  })

  it('GET /snapshot answers the registry as a snapshot', async () => {
    const serviceId = await createService('orders')
    const response = await control('GET', '/snapshot')
    const snapshot = (await expectSpecResponse(response, 'GET', '/__cse-mock/snapshot')) as Snapshot
    expect(snapshot.format).toBe('cse-mock/snapshot@1')
    expect(snapshot.tenants[0]?.services.map((s) => s.service.serviceId)).toEqual([serviceId])
  })

  it('PUT /snapshot replaces the registry with the snapshot', async () => {
    const serviceId = await createService('orders')
    const saved = mock().snapshot()
    await control('POST', '/reset')
    expect(await serviceCount()).toBe(0)
    const response = await control('PUT', '/snapshot', saved)
    await expectSpecResponse(response, 'PUT', '/__cse-mock/snapshot')
    expect(response.status).toBe(204)
    expect((await fetch(`${REGISTRY}/microservices/${serviceId}`)).status).toBe(200)
  })

  it('PUT /snapshot answers 400 for an invalid snapshot and keeps the registry as it was', async () => {
    const serviceId = await createService('orders')
    const path = '/__cse-mock/snapshot'
    const bad: [unknown, RegExp][] = [
      [{ format: 'other', tenants: [] }, /format/],
      [{ format: 'cse-mock/snapshot@1' }, /tenants is required/],
      [
        {
          format: 'cse-mock/snapshot@1',
          tenants: [
            {
              domain: 'default',
              project: 'default',
              services: [{ service: {} }],
              dependencies: [],
            },
          ],
        },
        /tenants\[0\]\.services\[0\]\.service\.serviceId/,
      ],
      [[], /must be of type object/],
    ]
    for (const [snapshot, message] of bad) {
      const response = await control('PUT', '/snapshot', snapshot)
      const body = (await expectSpecResponse(response, 'PUT', path)) as {
        error: { code: string; message: string }
      }
      expect(body.error.code).toBe('INVALID_SNAPSHOT')
      expect(body.error.message).toMatch(message)
    }
    await expectControlError(await control('PUT', '/snapshot', 'nope'), 'PUT', path, 'INVALID_JSON')
    expect((await fetch(`${REGISTRY}/microservices/${serviceId}`)).status).toBe(200)
  })

  it('GET /clock and POST /clock/advance read and move the virtual clock', async () => {
    const before = (await expectSpecResponse(
      await control('GET', '/clock'),
      'GET',
      '/__cse-mock/clock',
    )) as {
      now: number
      virtual: boolean
    }
    expect(before.virtual).toBe(true)
    const response = await control('POST', '/clock/advance', { ms: 90_000 })
    const after = (await expectSpecResponse(response, 'POST', '/__cse-mock/clock/advance')) as {
      now: number
    }
    expect(after.now - before.now).toBe(90_000)
    expect(mock().clock.now()).toBe(after.now)
  })

  it('POST /clock/advance expires instances whose lease ran out', async () => {
    const serviceId = await createService('orders')
    const register = await fetch(`${REGISTRY}/microservices/${serviceId}/instances`, {
      method: 'POST',
      body: JSON.stringify({
        instance: {
          hostName: 'a',
          endpoints: ['rest://10.0.0.1:80'],
          healthCheck: { mode: 'push', interval: 30, times: 3 },
        },
      }),
    })
    const { instanceId } = (await register.json()) as { instanceId: string }
    await control('POST', '/clock/advance', { ms: 121_000 })
    expect(
      (await fetch(`${REGISTRY}/microservices/${serviceId}/instances/${instanceId}`)).status,
    ).toBe(400)
  })

  it('POST /clock/advance answers 400 for a bad duration', async () => {
    const path = '/__cse-mock/clock/advance'
    for (const body of [{ ms: -1 }, { ms: '10' }, {}, [1]]) {
      await expectControlError(
        await control('POST', '/clock/advance', body),
        'POST',
        path,
        'INVALID_BODY',
      )
    }
  })

  it('GET and PUT /profile read and switch the behaviour profile', async () => {
    const read = await control('GET', '/profile')
    expect(await expectSpecResponse(read, 'GET', '/__cse-mock/profile')).toEqual({ profile: 'cse' })
    const put = await control('PUT', '/profile', { profile: 'servicecomb' })
    expect(await expectSpecResponse(put, 'PUT', '/__cse-mock/profile')).toEqual({
      profile: 'servicecomb',
    })
    expect(mock().registry.profile).toBe('servicecomb')
  })

  it('PUT /profile answers 400 for an unknown profile', async () => {
    const path = '/__cse-mock/profile'
    await expectControlError(
      await control('PUT', '/profile', { profile: 'eureka' }),
      'PUT',
      path,
      'INVALID_PROFILE',
    )
    await expectControlError(await control('PUT', '/profile'), 'PUT', path, 'INVALID_BODY')
    expect(mock().registry.profile).toBe('cse')
  })
})

describe('with the system clock', () => {
  serveMock()

  it('POST /clock/advance answers 409 CLOCK_NOT_VIRTUAL', async () => {
    const clock = (await expectSpecResponse(
      await control('GET', '/clock'),
      'GET',
      '/__cse-mock/clock',
    )) as {
      virtual: boolean
    }
    expect(clock.virtual).toBe(false)
    const response = await control('POST', '/clock/advance', { ms: 1000 })
    expect(response.status).toBe(409)
    await expectControlError(response, 'POST', '/__cse-mock/clock/advance', 'CLOCK_NOT_VIRTUAL')
  })
})
