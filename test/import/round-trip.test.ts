import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runImport } from '../../src/cli/commands/import-run.ts'
import { createRegistryClient } from '../../src/client.ts'
import { importRegistry } from '../../src/contract/index.ts'
import { createCseMock } from '../../src/mock.ts'
import { loadSnapshotFile } from '../../src/seed/fixtures-node.ts'
import { killAllCli, startServe, stopCli } from '../server/cli-process.ts'
import { type LoggedServer, memoryIo, normalize, startSeeded } from './support.ts'

let seeded: LoggedServer
let folder = ''

beforeAll(async () => {
  seeded = await startSeeded()
  folder = await mkdtemp(join(tmpdir(), 'cse-mock-import-'))
})

afterAll(async () => {
  await killAllCli()
  await seeded.server.close()
  await rm(folder, { recursive: true, force: true })
})

describe('importing a seeded registry', () => {
  it('without redaction gives the same services, instances, tags, schemas and rules', async () => {
    const client = createRegistryClient({ baseUrl: seeded.url })
    const { snapshot, summary } = await importRegistry(client, { redact: false })
    const expected = seeded.server.mock.snapshot()
    expect(normalize(snapshot)).toEqual(normalize(expected))
    expect(summary).toMatchObject({ services: 12, instances: 24, schemas: 12, tags: 24 })
    expect(summary.dependencies).toBe(
      expected.tenants[0]!.dependencies.reduce((n, rule) => n + rule.providers.length, 0),
    )
    expect(summary.requests).toBe(1 + 4 * 12)
    // The mock loads it as it is and holds the same registry afterwards.
    const loaded = await createCseMock({ fixture: snapshot })
    expect(normalize(loaded.snapshot())).toEqual(normalize(expected))
  })

  it('writes a file that serve --fixture loads, and importing that server gives the same bytes', async () => {
    const first = join(folder, 'first.json')
    const second = join(folder, 'second.json')
    const one = memoryIo()
    const args = ['--no-redact', '--rate', '0']
    expect(
      await runImport(['--endpoint', seeded.url, ...args, '--out', first], one.io, one.stream),
    ).toBe(0)
    const served = await startServe(['--fixture', first, '--quiet'])
    try {
      const two = memoryIo()
      expect(
        await runImport(['--endpoint', served.url, ...args, '--out', second], two.io, two.stream),
      ).toBe(0)
    } finally {
      await stopCli(served)
    }
    expect(await readFile(second, 'utf8')).toBe(await readFile(first, 'utf8'))
    expect(normalize(await loadSnapshotFile(first))).toEqual(
      normalize(seeded.server.mock.snapshot()),
    )
  })

  it('with redaction gives byte-identical files twice, which the mock loads', async () => {
    const files = [join(folder, 'a.json'), join(folder, 'b.json')]
    for (const file of files) {
      const run = memoryIo()
      expect(
        await runImport(
          ['--endpoint', seeded.url, '--rate', '0', '--out', file],
          run.io,
          run.stream,
        ),
      ).toBe(0)
      expect(run.err.at(-1)).toMatch(/^Imported 12 services, 24 instances, .*redacted; wrote /)
    }
    const [a, b] = await Promise.all(files.map((file) => readFile(file, 'utf8')))
    expect(a).toBe(b)
    const mock = await createCseMock({ fixture: await loadSnapshotFile(files[0]!) })
    expect(mock.snapshot().tenants[0]!.services).toHaveLength(12)
  })

  it('imports only the services of the --app ids, with their rules', async () => {
    const client = createRegistryClient({ baseUrl: seeded.url })
    const all = seeded.server.mock.snapshot().tenants[0]!
    const app = all.services[0]!.service.appId!
    const { snapshot, summary } = await importRegistry(client, { apps: [app], redact: false })
    const tenant = snapshot.tenants[0]!
    const ofApp = all.services.filter((entry) => entry.service.appId === app)
    expect(tenant.services.map((entry) => entry.service.serviceId).sort()).toEqual(
      ofApp.map((entry) => entry.service.serviceId).sort(),
    )
    expect(summary.skipped).toBe(all.services.length - ofApp.length)
    const ids = new Set(ofApp.map((entry) => entry.service.serviceId))
    expect(tenant.dependencies.every((rule) => ids.has(rule.consumerId))).toBe(true)
    expect(tenant.dependencies.length).toBe(
      all.dependencies.filter((rule) => ids.has(rule.consumerId)).length,
    )
    expect(snapshot.description).toContain(`apps ${app}`)
  })

  it('reads the tenant of the client domain and project', async () => {
    const own = await startSeeded({ seed: { seed: 7, domain: 'shop', project: 'p1' } })
    try {
      const client = createRegistryClient({ baseUrl: own.url, domain: 'shop', project: 'p1' })
      const { snapshot } = await importRegistry(client, { redact: false })
      expect(normalize(snapshot)).toEqual(normalize(own.server.mock.snapshot()))
      expect(snapshot.tenants.map((t) => `${t.domain}/${t.project}`)).toEqual(['shop/p1'])
      const other = createRegistryClient({ baseUrl: own.url, project: 'p1' })
      const { summary } = await importRegistry(other)
      expect(summary.services).toBe(0)
    } finally {
      await own.server.close()
    }
  })

  it('leaves out a service deleted between the list and its reads', async () => {
    const own = await startSeeded()
    try {
      const victim = own.server.mock.snapshot().tenants[0]!.services[0]!.service.serviceId!
      const client = createRegistryClient({ baseUrl: own.url })
      const { snapshot, summary } = await importRegistry(client, {
        redact: false,
        concurrency: 1,
        onProgress: (progress) => {
          if (progress.phase === 'list') {
            void fetch(`${own.url}/v4/default/registry/microservices/${victim}?force=true`, {
              method: 'DELETE',
            })
          }
        },
      })
      expect(summary.vanished).toBe(1)
      const ids = snapshot.tenants[0]!.services.map((entry) => entry.service.serviceId)
      expect(ids).not.toContain(victim)
      expect(ids).toHaveLength(11)
    } finally {
      await own.server.close()
    }
  })
})
