import { describe, expect, it } from 'vitest'
import { getVersion, serveMock } from './support.ts'

const { mock } = serveMock()

async function statuses(count: number): Promise<number[]> {
  const seen: number[] = []
  for (let i = 0; i < count; i++) seen.push((await getVersion()).status)
  return seen
}

describe('times', () => {
  it('applies to the first two calls only and then retires', async () => {
    const fault = mock().faults.add({ action: { type: 'status', status: 503 }, times: 2 })
    expect(fault.remaining).toBe(2)
    expect(await statuses(1)).toEqual([503])
    expect(mock().faults.list()).toMatchObject([{ id: fault.id, hits: 1, remaining: 1 }])
    expect(await statuses(2)).toEqual([503, 200])
    expect(mock().faults.list()).toEqual([])
  })

  it('counts latency applications too', async () => {
    const fault = mock().faults.add({ action: { type: 'latency', ms: 1 }, times: 1 })
    await statuses(1)
    expect(mock().faults.list()).toEqual([])
    await statuses(1)
    expect(
      mock()
        .requests.list()
        .map((entry) => entry.faults),
    ).toEqual([[fault.id], undefined])
  })
})

describe('probability', () => {
  const rule = { action: { type: 'status', status: 503 }, probability: 0.5, seed: 7 } as const

  it('gives the same pattern on every run with the same seed', async () => {
    mock().faults.add(rule)
    const first = await statuses(24)
    await mock().reset()
    mock().faults.add(rule)
    const second = await statuses(24)
    expect(second).toEqual(first)
    // Both outcomes occur, so the pattern really comes from the draws.
    expect(first).toContain(503)
    expect(first).toContain(200)
  })

  it('gives another pattern with another seed', async () => {
    mock().faults.add(rule)
    const seven = await statuses(24)
    await mock().reset()
    mock().faults.add({ ...rule, seed: 8 })
    expect(await statuses(24)).not.toEqual(seven)
  })

  it('never applies with probability 0 and always with 1', async () => {
    mock().faults.add({ action: { type: 'status', status: 502 }, probability: 0 })
    expect(await statuses(5)).toEqual([200, 200, 200, 200, 200])
    mock().faults.add({ action: { type: 'status', status: 504 }, probability: 1 })
    expect(await statuses(5)).toEqual([504, 504, 504, 504, 504])
  })
})
