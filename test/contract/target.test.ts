import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type ContractTarget,
  createContractRun,
  describeCheck,
  formatProfileReport,
  targetFromEnv,
} from '../../src/contract/index.ts'

// The target the environment selects: the in-process mock by default, CSE_TARGET=server for a
// spawned server, CSE_ENDPOINT (with CSE_PROJECT, CSE_DOMAIN, CSE_TOKEN or CSE_USER and
// CSE_PASSWORD, CSE_CA_FILE, CSE_INSECURE=1) for a live registry.
let target: ContractTarget

beforeAll(async () => {
  target = await targetFromEnv(process.env)
}, 30_000)

afterAll(async () => {
  await target?.close()
})

describe('the suite against the selected target', () => {
  it('passes every check and leaves nothing behind', async () => {
    const report = await createContractRun({ target }).run()
    console.info(`${target.description}\n${formatProfileReport(report.profile)}`)
    expect(report.checks.filter((c) => c.outcome === 'failed').map(describeCheck)).toEqual([])
    expect(report.cleanup.failed).toEqual([])
    expect(report.passed).toBe(true)
  }, 600_000)
})
