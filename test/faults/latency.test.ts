import { describe, expect, it } from 'vitest'
import { getVersion, serveMock } from './support.ts'

const { mock } = serveMock()

// Timers may fire up to a millisecond before `performance.now()` says the time is up, so the
// lower bound keeps 2 ms of slack. There is deliberately no upper bound: a busy machine may be
// slower, never faster.
const SLACK_MS = 2

async function timed(run: () => Promise<Response>) {
  const started = performance.now()
  const response = await run()
  return { response, elapsed: performance.now() - started }
}

describe('latency faults', () => {
  it('delays a matching call by at least the configured time, then lets it through', async () => {
    mock().faults.add({
      match: { operationId: 'getVersion' },
      action: { type: 'latency', ms: 150 },
    })
    const { response, elapsed } = await timed(getVersion)
    expect(response.status).toBe(200)
    expect(await response.json()).toHaveProperty('version')
    expect(elapsed).toBeGreaterThanOrEqual(150 - SLACK_MS)
  })

  it('adds up every matching latency rule', async () => {
    mock().faults.add({ action: { type: 'latency', ms: 80 } })
    mock().faults.add({ match: { method: 'get' }, action: { type: 'latency', ms: 90 } })
    const { elapsed } = await timed(getVersion)
    expect(elapsed).toBeGreaterThanOrEqual(170 - SLACK_MS)
  })

  it('waits at least min for a random latency, and logs the delay', async () => {
    const fault = mock().faults.add({ action: { type: 'latency', min: 60, max: 90 } })
    const { response, elapsed } = await timed(getVersion)
    expect(response.status).toBe(200)
    expect(elapsed).toBeGreaterThanOrEqual(60 - SLACK_MS)
    const [entry] = mock().requests.list()
    expect(entry?.faults).toEqual([fault.id])
    expect(entry?.durationMs).toBeGreaterThanOrEqual(60 - SLACK_MS)
  })

  it('does not delay calls it does not match', async () => {
    mock().faults.add({
      match: { operationId: 'heartbeat' },
      action: { type: 'latency', ms: 60_000 },
    })
    const { response } = await timed(getVersion)
    expect(response.status).toBe(200)
    expect(mock().requests.list()[0]?.faults).toBeUndefined()
  })
})
