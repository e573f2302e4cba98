import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createContractRun, describeCheck } from '../../src/contract/index.ts'
import { type CseMockServer, startCseMockServer } from '../../src/server/index.ts'
import { startTestShadow, type TestShadow } from './start-shadow.ts'

let live: CseMockServer
let shadow: TestShadow

beforeAll(async () => {
  live = await startCseMockServer({ port: 0, profile: 'servicecomb' })
  shadow = await startTestShadow(live.url, { profile: 'cse' })
})

afterAll(async () => {
  await shadow?.proxy.close()
  await live?.close()
})

// What the contract scenarios exercise of each profile rule (src/registry/profile.ts), as
// `operation kind where`. `backendUnavailableCode` needs fault injection and is not exercised.
const EXPECTED: Record<string, string[]> = {
  versionRules: [
    'findInstances body-shape $.instances',
    'findInstances body-value $.detail',
    'batchFindInstances body-value $.services.failed[].error.detail',
  ],
  tokenWithoutAccounts: [
    'createToken status ',
    'createToken body-shape $',
    'createToken header-value Content-Type',
    'createToken header X-Content-Type-Options',
  ],
  batchDeleteResponse: [
    'deleteServices status ',
    'deleteServices body-shape $',
    'deleteServices body-shape $.detail',
    'deleteServices body-shape $.errorCode',
    'deleteServices body-shape $.errorMessage',
    'deleteServices body-shape $.services',
    'deleteServices header-value Content-Type',
  ],
  batchHeartbeatResponse: [
    'heartbeats status ',
    'heartbeats body-shape $',
    'heartbeats body-shape $.detail',
    'heartbeats body-shape $.errorCode',
    'heartbeats body-shape $.errorMessage',
    'heartbeats body-shape $.instances',
    'heartbeats header-value Content-Type',
  ],
  heartbeatMinimum: [
    'getInstance body-value $.instance.healthCheck.interval',
    'getInstance body-value $.instance.healthCheck.times',
  ],
  reRegisterLiveInstance: ['getInstance body-value $.instance.properties.round'],
  defaultEnvironment: ['getService body-shape $.service.environment'],
  dependencyVersion: ['listProviders body-shape $.providers'],
  restrictSchemaEdits: [
    'putSchema status ',
    'putSchema body-shape $',
    'putSchema header-value Content-Type',
  ],
  endpointsRequired: [
    'registerInstance status ',
    'registerInstance body-shape $.detail',
    'registerInstance body-shape $.errorCode',
    'registerInstance body-shape $.errorMessage',
  ],
  duplicateEndpoints: [
    'registerInstance body-value $.instanceId',
    'registerInstance body-shape $.instanceId',
  ],
}

describe('shadow in front of cse-mock serve in the other profile, driven by the contract scenarios', () => {
  it('labels every difference as a profile one and lists exactly those the scenarios exercise', async () => {
    const report = await createContractRun({
      target: { client: { baseUrl: shadow.proxy.url }, websockets: true },
    }).run()
    // The live side answers the client: the suite passes through the proxy as it does direct.
    expect(report.checks.filter((c) => c.outcome === 'failed').map(describeCheck)).toEqual([])
    expect(report.checks).toContainEqual(
      expect.objectContaining({
        operationId: 'watch',
        rule: 'pushes CREATE for a new provider instance',
        outcome: 'passed',
      }),
    )
    await shadow.proxy.close()
    const summary = shadow.summary.summary()
    expect(summary.requests).toBeGreaterThan(200)
    expect(summary.differing).toBe(0)
    expect(summary.unreachable).toBe(0)
    expect(summary.rows.filter((row) => row.label !== 'profile')).toEqual([])
    const rows = summary.rows.map((row) => `${row.operation} ${row.kind} ${row.where}`)
    expect([...rows].sort()).toEqual(Object.values(EXPECTED).flat().sort())
    // Websockets went through too, and the mock got the same sockets.
    const sockets = shadow.records.filter((r) => r.operation === 'watch' && r.liveStatus === 101)
    expect(sockets.length).toBeGreaterThan(0)
    expect(sockets.every((r) => r.mockStatus === 101)).toBe(true)
  }, 120_000)
})
