import { describe, expect, it } from 'vitest'
import { changeFeedOf } from '../../src/control/change-feed.ts'
import type { InspectorEvent } from '../../src/control/inspector-client.ts'
import { createCseMock } from '../../src/mock.ts'
import { shadowInspectorObserver, shadowViewOf } from '../../src/shadow/inspector-observer.ts'
import type { ShadowDifference, ShadowRecord } from '../../src/shadow/shadow-record.ts'
import { createShadowTally } from '../../src/shadow/shadow-tally.ts'

const LIVE = 'https://cse.example:30100'

function record(seq: number, differences: ShadowDifference[] = [], operation = 'findInstances') {
  return {
    seq,
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
    operation,
    method: 'GET',
    path: `/v4/default/registry/instances?serviceName=s${seq}`,
    liveStatus: 200,
    mockStatus: 200,
    liveMs: 3.5,
    differences,
  } satisfies ShadowRecord
}

const caseDiff: ShadowDifference = {
  kind: 'header-case',
  where: 'X-Request-Id',
  left: 'X-Request-Id',
  right: 'x-request-id',
}
const labelledCase: ShadowDifference = {
  ...caseDiff,
  label: 'profile',
  reason: 'servicecomb profile: Go header casing',
}
const statusDiff: ShadowDifference = { kind: 'status', where: '', left: '200', right: '404' }

describe('shadowInspectorObserver', () => {
  it('keeps the latest records up to its limit, newest first, and counts the dropped ones', async () => {
    const mock = await createCseMock()
    const observer = shadowInspectorObserver(mock, { live: LIVE, limit: 5 })
    for (let seq = 1; seq <= 12; seq++) observer.record(record(seq, [statusDiff]))
    const view = shadowViewOf(mock)
    if (!view.active) throw new Error('expected an active session')
    expect(view.records.map((r) => r.seq)).toEqual([12, 11, 10, 9, 8])
    expect(view.dropped).toBe(7)
    expect(view.seen).toBe(12)
    // The totals cover every record, the dropped ones too.
    expect(view.totals).toEqual([
      { operation: 'findInstances', kind: 'status', where: '', count: 12 },
    ])
    expect(view.operations).toEqual([
      { operation: 'findInstances', records: 12, differing: 12, unlabelled: 12 },
    ])
  })

  it('counts totals by operation and difference, a labelled difference apart from an unlabelled one', async () => {
    const mock = await createCseMock()
    const observer = shadowInspectorObserver(mock, { live: LIVE })
    observer.record(record(1, [caseDiff]))
    observer.record(record(2, [labelledCase]))
    observer.record(record(3, [labelledCase, statusDiff]))
    observer.record(record(4, [caseDiff], 'heartbeat'))
    observer.record(record(5, [], 'heartbeat'))
    const view = shadowViewOf(mock)
    if (!view.active) throw new Error('expected an active session')
    const row = (operation: string, kind: string, label?: string) =>
      view.totals.find((t) => t.operation === operation && t.kind === kind && t.label === label)
    expect(row('findInstances', 'header-case')).toEqual({
      operation: 'findInstances',
      kind: 'header-case',
      where: 'X-Request-Id',
      count: 1,
    })
    expect(row('findInstances', 'header-case', 'profile')).toEqual({
      operation: 'findInstances',
      kind: 'header-case',
      where: 'X-Request-Id',
      label: 'profile',
      reason: 'servicecomb profile: Go header casing',
      count: 2,
    })
    expect(row('findInstances', 'status')?.count).toBe(1)
    expect(row('heartbeat', 'header-case')?.count).toBe(1)
    expect(view.totals).toHaveLength(4)
    expect(view.operations).toEqual([
      { operation: 'findInstances', records: 3, differing: 3, unlabelled: 2 },
      { operation: 'heartbeat', records: 2, differing: 1, unlabelled: 1 },
    ])
  })

  it('sends each record on the change feed with the count so far, and says when the session starts and ends', async () => {
    const mock = await createCseMock()
    const events: InspectorEvent[] = []
    const stop = changeFeedOf(mock).subscribe((event) => events.push(event))
    expect(shadowViewOf(mock)).toEqual({ active: false })
    const observer = shadowInspectorObserver(mock, { live: LIVE })
    observer.record(record(7, [statusDiff]))
    observer.record(record(6))
    await observer.close?.()
    observer.record(record(8))
    stop()
    expect(events).toEqual([
      { type: 'shadow-session', active: true },
      { type: 'shadow', record: record(7, [statusDiff]), seen: 1 },
      { type: 'shadow', record: record(6), seen: 2 },
      { type: 'shadow-session', active: false },
    ])
    expect(shadowViewOf(mock)).toEqual({ active: false })
  })

  it('stores nothing but the record fields, no user info of the live URL, and no values of credential headers', async () => {
    const mock = await createCseMock()
    const events: InspectorEvent[] = []
    const stop = changeFeedOf(mock).subscribe((event) => events.push(event))
    const observer = shadowInspectorObserver(mock, {
      live: 'https://admin:s3cret-pass@cse.example:30100/?ak=s3cret-ak#frag',
    })
    // What a careless caller might hand over: the request's headers riding on the record.
    const leaky = {
      ...record(1, [
        { kind: 'header-value', where: 'Set-Cookie', left: 'SESSION=s3cret-cookie', right: 'x' },
        { kind: 'header', where: 'X-Subject-Token', left: 's3cret-token', right: 'absent' },
        caseDiff,
      ]),
      headers: { authorization: 'Bearer s3cret-bearer', 'x-auth-token': 's3cret-iam' },
      request: { headers: [['Authorization', 'Bearer s3cret-bearer']] },
    }
    observer.record(leaky)
    stop()
    const view = shadowViewOf(mock)
    const stored = JSON.stringify(view)
    const sent = JSON.stringify(events)
    for (const text of [stored, sent]) {
      expect(text).not.toMatch(/s3cret|admin|Bearer|authorization/i)
      expect(text).not.toContain('headers')
    }
    if (!view.active) throw new Error('expected an active session')
    expect(view.live).toBe('https://cse.example:30100')
    expect(Object.keys(view.records[0]!).sort()).toEqual(Object.keys(record(1)).sort())
    expect(view.records[0]!.differences).toEqual([
      { kind: 'header-value', where: 'Set-Cookie', left: 'hidden', right: 'hidden' },
      { kind: 'header', where: 'X-Subject-Token', left: 'hidden', right: 'absent' },
      caseDiff,
    ])
  })

  it('counts requests refused by read-only mode and those live gave no answer to, keeping why', async () => {
    const mock = await createCseMock()
    const observer = shadowInspectorObserver(mock, { live: LIVE })
    observer.record({ ...record(1), liveStatus: 403, mockStatus: 0, refused: true })
    observer.record({ ...record(2), liveStatus: 0, mockStatus: 0, liveError: 'ECONNREFUSED' })
    observer.record(record(3))
    const view = shadowViewOf(mock)
    if (!view.active) throw new Error('expected an active session')
    expect(view).toMatchObject({ seen: 3, refused: 1, unreachable: 1 })
    expect(view.records[1]).toEqual({
      ...record(2),
      liveStatus: 0,
      mockStatus: 0,
      liveError: 'ECONNREFUSED',
    })
    expect(view.records[2]?.refused).toBe(true)
  })

  it('cuts long values and keeps 25 differences of a record, counting all of them', async () => {
    const mock = await createCseMock()
    const observer = shadowInspectorObserver(mock, { live: LIVE })
    const many = Array.from({ length: 30 }, (_, i) => ({
      kind: 'body-value' as const,
      where: `$.instances[${i}].hostName`,
      left: 'a'.repeat(1000),
      right: 'b',
    }))
    observer.record(record(1, many))
    const view = shadowViewOf(mock)
    if (!view.active) throw new Error('expected an active session')
    const [kept] = view.records
    expect(kept?.differences).toHaveLength(25)
    expect(kept?.omitted).toBe(5)
    expect(kept?.differences[0]?.left).toHaveLength(400)
    expect(kept?.differences[0]?.left.endsWith('…')).toBe(true)
    expect(view.totals.reduce((sum, t) => sum + t.count, 0)).toBe(30)
  })

  it('keeps fewer records when they are large, so the page never reads much more than 4 MB', async () => {
    const mock = await createCseMock()
    const observer = shadowInspectorObserver(mock, { live: LIVE })
    const large = Array.from({ length: 25 }, (_, i) => ({
      kind: 'body-value' as const,
      where: `$.p${i}`,
      left: 'a'.repeat(400),
      right: 'b'.repeat(400),
    }))
    for (let seq = 1; seq <= 400; seq++) observer.record(record(seq, large))
    const view = shadowViewOf(mock)
    if (!view.active) throw new Error('expected an active session')
    expect(view.records.length).toBeGreaterThan(100)
    expect(view.records.length).toBeLessThan(400)
    expect(view.dropped).toBe(400 - view.records.length)
    expect(view.records[0]?.seq).toBe(400)
    expect(JSON.stringify(view.records).length).toBeLessThan(4_500_000)
    expect(view.totals).toEqual(
      large.map((d) => ({ operation: 'findInstances', kind: d.kind, where: d.where, count: 400 })),
    )
  })

  it('folds places past 1,000 rows of totals into `*`', async () => {
    const mock = await createCseMock()
    const observer = shadowInspectorObserver(mock, { live: LIVE, limit: 10 })
    for (let seq = 1; seq <= 1005; seq++) {
      observer.record(
        record(seq, [{ kind: 'body-value', where: `$.p${seq}`, left: '1', right: '2' }]),
      )
    }
    const view = shadowViewOf(mock)
    if (!view.active) throw new Error('expected an active session')
    expect(view.totals).toHaveLength(1001)
    expect(view.totals.at(-1)).toEqual({
      operation: 'findInstances',
      kind: 'body-value',
      where: '*',
      count: 5,
    })
  })
})

describe('createShadowTally from a view', () => {
  it('goes on from a view read earlier exactly as the tally it was read from', () => {
    const start = { live: LIVE, startedAt: '2026-01-01T00:00:00.000Z', limit: 4 }
    const server = createShadowTally(start)
    for (let seq = 1; seq <= 6; seq++)
      server.add(record(seq, seq % 2 ? [labelledCase] : [statusDiff]))
    const page = createShadowTally(start, server.view())
    for (let seq = 7; seq <= 9; seq++) {
      const taken = server.add(record(seq, [caseDiff]))
      page.add(taken)
    }
    expect(page.view()).toEqual(server.view())
    expect(page.seen).toBe(9)
  })
})
