import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createSequence,
  runComparison,
  type StepResult,
  summarise,
} from '../../src/compare/index.ts'
import { type CseMockServer, startCseMockServer } from '../../src/server/index.ts'

let servicecomb: CseMockServer
let servicecombToo: CseMockServer
let cse: CseMockServer

beforeAll(async () => {
  ;[servicecomb, servicecombToo, cse] = await Promise.all([
    startCseMockServer({ port: 0, profile: 'servicecomb' }),
    startCseMockServer({ port: 0, profile: 'servicecomb' }),
    startCseMockServer({ port: 0, profile: 'cse' }),
  ])
})

afterAll(async () => {
  await Promise.all([servicecomb?.close(), servicecombToo?.close(), cse?.close()])
})

function byName(results: StepResult[], name: string) {
  const result = results.find((candidate) => candidate.step.name === name)
  if (!result) throw new Error(`no step named ${name}`)
  return result
}

describe('compare over loopback', () => {
  it('finds no difference between two servers of the same profile', async () => {
    const results = await runComparison({
      left: servicecomb.url,
      right: servicecombToo.url,
      steps: createSequence('cmp-same'),
    })
    expect(results.length).toBeGreaterThan(100)
    expect(results.filter((result) => result.differences.length > 0)).toEqual([])
  }, 60_000)

  it('shows the documented differences between the servicecomb and cse profiles', async () => {
    const results = await runComparison({
      left: servicecomb.url,
      right: cse.url,
      steps: createSequence('cmp-profiles'),
    })
    // Discovery without a version: all versions in servicecomb, 400 in cse.
    expect(byName(results, 'find').differences).toContainEqual({
      kind: 'status',
      where: '',
      left: '200',
      right: '400',
    })
    // Batch heartbeat with an unknown instance: per-entry errMessage vs one error.
    expect(byName(results, 'heartbeats, one unknown').differences).toContainEqual(
      expect.objectContaining({ kind: 'status', left: '200', right: '400' }),
    )
    // Re-registering a live custom instanceId: servicecomb keeps the old body, cse overwrites.
    expect(byName(results, 'get custom instance').differences).toContainEqual(
      expect.objectContaining({
        kind: 'body-value',
        where: '$.instance.hostName',
        left: '"cmp-host-2"',
        right: '"cmp-host-3"',
      }),
    )
    // A service without environment: none in servicecomb, `development` in cse.
    expect(byName(results, 'get provider').differences).toContainEqual({
      kind: 'body-shape',
      where: '$.service.environment',
      left: 'absent',
      right: '"development"',
    })
    // One server, one wire format: the profiles never differ in header names.
    const total = summarise(results)
    expect(total.byKind.header + total.byKind['header-case']).toBeLessThanOrEqual(
      total.byKind.status * 3,
    )
    expect(total.byKind['header-case']).toBe(0)
    expect(byName(results, 'version').differences).toEqual([])
  }, 60_000)
})
