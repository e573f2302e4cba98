// Uses every entry point of cse-mock; tsc --noEmit checks it under three tsconfigs.
import {
  type CseMock,
  createCseMock,
  InvalidFaultRuleError,
  InvalidSeedOptionsError,
  InvalidSnapshotError,
  type MicroServiceInstance,
  parseSnapshot,
  SEED_PRESETS,
  type Snapshot,
  serializeSnapshot,
  withControlHandlers,
} from 'cse-mock'
import { setupCseMockWorker } from 'cse-mock/browser'
import { createRegistryClient, type paths } from 'cse-mock/client'
import { createContractRun, SCENARIOS } from 'cse-mock/contract'
import small from 'cse-mock/fixtures/small.json' with { type: 'json' }
import { loadSnapshotFile, saveSnapshotFile, setupCseMock } from 'cse-mock/node'
import { type CseMockServer, startCseMockServer } from 'cse-mock/server'
import { type CseMockHandle, SHARED_NETWORK_WARNING, useCseMock } from 'cse-mock/vitest'
import { setupServer } from 'msw/node'

export async function everyEntry(): Promise<number> {
  const mock: CseMock = await createCseMock({ seed: SEED_PRESETS.small.seed ?? 1 })
  const server = setupServer(...withControlHandlers(mock))
  server.listen()
  server.close()
  const fixture: Snapshot = parseSnapshot(small)
  const again = parseSnapshot(JSON.parse(serializeSnapshot(fixture)))
  const node = await setupCseMock({ fixture: again })
  node.listen()
  node.close()
  const standalone: CseMockServer = await startCseMockServer({ port: 0 })
  const client = createRegistryClient({ baseUrl: standalone.url })
  const health = await client.GET('/v4/{project}/registry/health', {
    params: { path: { project: 'default' } },
  })
  await standalone.close()
  await saveSnapshotFile('registry.json', await loadSnapshotFile('registry.json'))
  const errors = [InvalidFaultRuleError, InvalidSeedOptionsError, InvalidSnapshotError]
  const instances: MicroServiceInstance[] = []
  const route: keyof paths = '/v4/{project}/registry/health'
  return (
    errors.length +
    instances.length +
    route.length +
    SCENARIOS.length +
    (health.response.status ?? 0)
  )
}

export function inTests(): CseMockHandle {
  return useCseMock({ clock: 'virtual' })
}

export async function inTheBrowser(): Promise<void> {
  const { start, mock } = await setupCseMockWorker({ seed: 1, quiet: true })
  await start()
  mock.advance(1)
}

export const contract: typeof createContractRun = createContractRun
export const warningCode: string = SHARED_NETWORK_WARNING
