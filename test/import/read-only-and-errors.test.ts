import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createImportProgress } from '../../src/cli/commands/import-progress.ts'
import { runImport } from '../../src/cli/commands/import-run.ts'
import { main } from '../../src/cli/main.ts'
import { createRegistryClient } from '../../src/client.ts'
import { createReadOnlyClient, ImportError, importRegistry } from '../../src/contract/index.ts'
import { runCli } from '../server/cli-process.ts'
import { type LoggedServer, memoryIo, startSeeded } from './support.ts'

const ACCOUNT = { user: 'reader', password: 'Rd-Pass-42!' }
let seeded: LoggedServer
let secured: LoggedServer

beforeAll(async () => {
  seeded = await startSeeded()
  secured = await startSeeded({ accounts: { [ACCOUNT.user]: ACCOUNT.password } })
})

afterAll(async () => {
  await seeded.server.close()
  await secured.server.close()
})

describe('the read-only guard', () => {
  it('throws for every method but GET before anything is sent, and counts GETs', async () => {
    const reader = createReadOnlyClient(createRegistryClient({ baseUrl: seeded.url }))
    const before = seeded.requests.length
    const calls: (() => unknown)[] = [
      () =>
        (reader as never as Record<string, (p: string) => unknown>).POST!(
          '/v4/{project}/registry/microservices',
        ),
      () =>
        (reader as never as Record<string, (p: string) => unknown>).PUT!(
          '/v4/{project}/registry/heartbeats',
        ),
      () =>
        (reader as never as Record<string, (p: string) => unknown>).DELETE!(
          '/v4/{project}/registry/microservices',
        ),
      () => (reader as never as Record<string, (p: string) => unknown>).PATCH!('/v4/x'),
      () => (reader as never as Record<string, (p: string) => unknown>).request!('post'),
    ]
    for (const call of calls) {
      expect(call).toThrow(ImportError)
      expect(call).toThrow(/only reads the registry/)
    }
    expect(seeded.requests.length).toBe(before)
    const { response } = await reader.GET('/v4/{project}/registry/version', {
      params: { path: { project: 'default' } },
    })
    expect(response.status).toBe(200)
    expect(reader.requests).toBe(1)
    expect(seeded.requests.length).toBe(before + 1)
  })

  it('lets an import with a login send only GETs and the one token exchange', async () => {
    const before = secured.requests.length
    const run = memoryIo()
    const args = ['--endpoint', secured.url, '--user', ACCOUNT.user, '--password', ACCOUNT.password]
    expect(await runImport([...args, '--rate', '0'], run.io, run.stream)).toBe(0)
    const sent = secured.requests
      .slice(before)
      .map((entry) => `${entry.method} ${entry.url.split('?')[0]}`)
    expect(sent.filter((line) => !line.startsWith('GET '))).toEqual(['POST /v4/token'])
    expect(sent).toHaveLength(2 + 4 * 12)
    expect(JSON.parse(run.out.join('\n')).tenants[0].services).toHaveLength(12)
  })
})

describe('cse-mock import --dry-run', () => {
  it('prints the request plan and sends nothing, not even the login', async () => {
    const before = secured.requests.length
    const run = memoryIo()
    const args = ['--endpoint', secured.url, '--user', 'u', '--password', 'p', '--dry-run']
    expect(await runImport([...args, '--app', 'shop', '--app', 'hr'], run.io, run.stream)).toBe(0)
    expect(run.out[0]).toMatch(/^Plan for http:\/\/127\.0\.0\.1:\d+ .*nothing is sent:$/)
    expect(run.out).toContain(
      '  POST /v4/token  (once: a token for the account (the login; nothing is stored))',
    )
    expect(
      run.out.some((line) =>
        line.includes('GET /v4/{project}/registry/microservices/{serviceId}/instances'),
      ),
    ).toBe(true)
    expect(run.out.join('\n')).toMatch(/Services read: shop, hr, .*at most 20 a second/)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(secured.requests.length).toBe(before)
  })
})

describe('cse-mock import failures', () => {
  it('exits 1 naming the request when the endpoint is unreachable', async () => {
    const gone = await startSeeded()
    await gone.server.close()
    const run = memoryIo()
    expect(await runImport(['--endpoint', gone.url, '--timeout', '5000'], run.io, run.stream)).toBe(
      1,
    )
    expect(run.err.join('\n')).toMatch(
      /cse-mock import: Failed to import the registry: GET \/v4\/default\/registry\/microservices could not be sent \(fetch failed: .*ECONNREFUSED.*\)\. Check --endpoint/,
    )
  })

  it('exits 1 with the registry refusal on 401, without and with a wrong login', async () => {
    for (const extra of [[], ['--user', ACCOUNT.user, '--password', 'Wrong-Pass-1!']]) {
      const run = memoryIo()
      expect(await runImport(['--endpoint', secured.url, ...extra], run.io, run.stream)).toBe(1)
      expect(run.err.join('\n')).toMatch(
        /was refused with 401 \(401\d{3}: .*\)\. Pass --token, or --user and --password/,
      )
    }
  })

  it('throws ImportError ERR_IMPORT_REFUSED from the library', async () => {
    const client = createRegistryClient({ baseUrl: secured.url })
    await expect(importRegistry(client)).rejects.toMatchObject({
      code: 'ERR_IMPORT_REFUSED',
      status: 401,
    })
  })

  it.each([
    [['--bogus'], /unknown flag --bogus; accepted flags are --endpoint, --project/],
    [[], /--endpoint is required \(or set CSE_ENDPOINT\)/],
    [['--endpoint', 'ftp://x'], /--endpoint must be an http\(s\) URL; got 'ftp:\/\/x'/],
    [
      ['--endpoint', 'http://127.0.0.1:9', '--rate', 'fast'],
      /--rate must be an integer from 0 to 10000; got 'fast'/,
    ],
    [
      ['--endpoint', 'http://127.0.0.1:9', '--token', 't', '--user', 'u', '--password', 'p'],
      /--token excludes --user and --password/,
    ],
    [['--endpoint', 'http://127.0.0.1:9', '--user', 'u'], /--user and --password go together/],
    [
      ['--endpoint', 'http://127.0.0.1:9', '--redact', '--no-redact'],
      /--redact and --no-redact exclude each other/,
    ],
    [
      ['--endpoint', 'http://127.0.0.1:9', '--no-redact', '--keep-properties', 'a'],
      /only apply when redacting/,
    ],
    [['--endpoint', 'http://127.0.0.1:9', '--app', 'bad app'], /--app must be an appId/],
    [
      ['--endpoint', 'http://127.0.0.1:9', '--out', 'no/such/folder/x.json'],
      /--out: the folder '.*no\/such\/folder' does not exist/,
    ],
  ])('import %j exits 2 naming the flag', async (args, message) => {
    const run = memoryIo()
    expect(await main(['import', ...args], run.io)).toBe(2)
    expect(run.err.join('\n')).toMatch(message)
    expect(run.err).toContain("Run 'cse-mock import --help' for usage.")
    expect(run.out).toEqual([])
  })

  it('exits 2 from the installed command too, before sending anything', async () => {
    const before = seeded.requests.length
    const { code, stderr, stdout } = await runCli([
      'import',
      '--endpoint',
      seeded.url,
      '--rate',
      '1.5',
    ])
    expect(code).toBe(2)
    expect(stderr).toMatch(/--rate must be an integer from 0 to 10000; got '1.5'/)
    expect(stdout).toBe('')
    expect(seeded.requests.length).toBe(before)
  })
})

describe('import progress', () => {
  it('redraws one bar on a terminal', () => {
    const written: string[] = []
    let time = 0
    const progress = createImportProgress(
      { isTTY: true, columns: 80, write: (t) => written.push(t) },
      () => time,
    )
    progress.update({ phase: 'list', done: 0, total: 4, requests: 1 })
    time = 500
    progress.update({ phase: 'read', done: 2, total: 4, requests: 9 })
    progress.update({ phase: 'read', done: 3, total: 4, requests: 13 })
    time = 1000
    progress.update({ phase: 'done', done: 4, total: 4, requests: 17 })
    expect(written).toEqual([
      '\r\x1b[KImporting [--------------------] 0/4 services, 1 requests, 0.0 s',
      '\r\x1b[KImporting [##########----------] 2/4 services, 9 requests, 0.5 s',
      '\r\x1b[KImporting [####################] 4/4 services, 17 requests, 1.0 s',
      '\n',
    ])
  })

  it('prints a plain line per phase elsewhere', () => {
    const written: string[] = []
    const progress = createImportProgress({ isTTY: false, write: (t) => written.push(t) }, () => 0)
    progress.update({ phase: 'list', done: 0, total: 4, requests: 1 })
    progress.update({ phase: 'read', done: 2, total: 4, requests: 9 })
    progress.update({ phase: 'done', done: 4, total: 4, requests: 17 })
    expect(written).toEqual([
      'Listed the services: 4 to import; reading their tags, schemas, instances and providers\n',
      'Read 4 services with 17 requests in 0.0 s\n',
    ])
  })
})
