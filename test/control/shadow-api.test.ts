import { describe, expect, it } from 'vitest'
import { shadowInspectorObserver } from '../../src/shadow/inspector-observer.ts'
import type { ActiveShadowView } from '../../src/shadow/shadow-view.ts'
import { serveMock } from '../faults/support.ts'
import { control, expectSpecResponse } from './control-spec.ts'

const { mock } = serveMock()

describe('GET /__cse-mock/shadow', () => {
  it('answers { active: false } when the mock shadows nothing', async () => {
    const response = await control('GET', '/shadow')
    expect(await expectSpecResponse(response, 'GET', '/__cse-mock/shadow')).toEqual({
      active: false,
    })
  })

  it('answers the session: live URL, totals and the latest records, as the document says', async () => {
    const observer = shadowInspectorObserver(mock(), {
      live: 'https://ak:sk@cse.example:30100',
      limit: 2,
    })
    const base = {
      at: '2026-01-01T00:00:00.000Z',
      method: 'GET',
      liveStatus: 200,
      mockStatus: 200,
      liveMs: 12.5,
    }
    observer.record({ ...base, seq: 1, operation: 'getService', path: '/v4/p/x', differences: [] })
    observer.record({
      ...base,
      seq: 2,
      operation: 'findInstances',
      path: '/v4/default/registry/instances?serviceName=a',
      mockStatus: 400,
      differences: [
        { kind: 'status', where: '', left: '200', right: '400' },
        {
          kind: 'header-case',
          where: 'X-Request-Id',
          left: 'X-Request-Id',
          right: 'x-request-id',
          label: 'deliberate',
          reason: 'Go spelling',
        },
      ],
    })
    observer.record({ ...base, seq: 3, operation: 'heartbeat', path: '/v4/x', differences: [] })
    try {
      const response = await control('GET', '/shadow')
      const view = (await expectSpecResponse(
        response,
        'GET',
        '/__cse-mock/shadow',
      )) as ActiveShadowView
      expect(view).toMatchObject({
        active: true,
        live: 'https://cse.example:30100',
        seen: 3,
        dropped: 1,
      })
      expect(view.records.map((r) => r.seq)).toEqual([3, 2])
      expect(view.totals).toEqual([
        { operation: 'findInstances', kind: 'status', where: '', count: 1 },
        {
          operation: 'findInstances',
          kind: 'header-case',
          where: 'X-Request-Id',
          label: 'deliberate',
          reason: 'Go spelling',
          count: 1,
        },
      ])
    } finally {
      await observer.close?.()
    }
    expect(await (await control('GET', '/shadow')).json()).toEqual({ active: false })
  })
})
