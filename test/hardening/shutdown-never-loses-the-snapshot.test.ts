import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { loadSnapshotFile } from '../../src/seed/fixtures-node.ts'
import { killAllCli, startServe } from '../server/cli-process.ts'
import { call, createService } from '../server/registry-calls.ts'
import { inFlightClient, stallingClient } from './raw-http.ts'

let folder = ''
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cse-mock-shutdown-'))
})
afterEach(killAllCli)
afterAll(() => rm(folder, { recursive: true, force: true }))

const DEADLINE_MS = 1_000

async function servingWithData(file: string) {
  const server = await startServe([
    '--quiet',
    '--shutdown-timeout',
    String(DEADLINE_MS),
    '--snapshot-on-exit',
    file,
  ])
  await createService(server.url, { appId: 'exit', serviceName: 'kept', version: '1.0.0' })
  await call(server.url, 'GET', '/__cse-mock/snapshot')
  return { server, port: Number(new URL(server.url).port) }
}

async function expectCompleteSnapshot(file: string) {
  const snapshot = await loadSnapshotFile(file)
  const names = snapshot.tenants.flatMap((tenant) =>
    tenant.services.map((entry) => entry.service.serviceName),
  )
  expect(names).toContain('kept')
  // Written under a temporary name, then renamed: nothing half-written is left beside it.
  expect((await readdir(folder)).filter((name) => name.endsWith('.tmp'))).toEqual([])
}

describe('shutdown has a deadline and never loses the snapshot', () => {
  it.each([
    ['half a header', 'GET /v4/default/registry/version HTTP/1.1\r\nHost: local'],
    [
      'one byte of a 1000-byte body',
      'POST /v4/default/registry/microservices HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
    ],
  ])('exits within the deadline on SIGTERM while a client holds %s', async (label, partial) => {
    const file = join(folder, `${label.replaceAll(' ', '-')}.json`)
    const { server, port } = await servingWithData(file)
    const stalled = await stallingClient(port, partial)
    server.child.kill('SIGTERM')
    // Without the deadline the stalled client held the process for minutes: past this test's
    // timeout. With it, the process exits once the deadline cuts the connection.
    const exit = await server.exit
    expect(stalled.destroyed || stalled.readableEnded).toBe(true)
    stalled.destroy()
    expect(exit).toEqual({ code: 0, signal: null })
    await expectCompleteSnapshot(file)
  })

  it('writes the snapshot before exiting on a second signal', async () => {
    const file = join(folder, 'second-signal.json')
    const { server, port } = await servingWithData(file)
    // A request surely in flight keeps the first shutdown waiting for its deadline, so the second
    // signal finds the server still stopping.
    const stalled = await inFlightClient(port, '/v4/default/registry/microservices')
    server.child.kill('SIGTERM')
    await server.waitForLine(/received SIGTERM/)
    server.child.kill('SIGTERM')
    const exit = await server.exit
    stalled.destroy()
    expect(exit).toEqual({ code: 143, signal: null })
    await expectCompleteSnapshot(file)
  })
})
