import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { killAllCli, runCli } from './cli-process.ts'

let folder = ''

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cse-mock-usage-'))
  await writeFile(join(folder, 'not-json.json'), 'this is not json')
  await writeFile(join(folder, 'not-a-snapshot.json'), JSON.stringify({ hello: 'world' }))
})

afterAll(async () => {
  await killAllCli()
  await rm(folder, { recursive: true, force: true })
})

describe('cse-mock usage errors', () => {
  it.each([
    [['--bogus'], /unknown flag --bogus; accepted flags are --host, --port, .*--log-format/],
    [
      ['--port', 'http'],
      /--port must be an integer from 0 to 65535 \(0 picks a free port\); got 'http'/,
    ],
    [['--port', '65536'], /--port must be an integer from 0 to 65535 .*got '65536'/],
    [['--port', '-1'], /--port/],
    [['--profile', 'eureka'], /--profile must be one of cse, servicecomb; got 'eureka'/],
    [['--clock', 'fast'], /--clock must be one of system, virtual; got 'fast'/],
    [['--log-format', 'xml'], /--log-format must be one of text, json; got 'xml'/],
    [['--seed', '1.5'], /--seed must be an integer from 0 to 4294967295; got '1.5'/],
    [['--fixture', 'no/such/file.json'], /--fixture: no file at 'no\/such\/file.json'/],
    [['--quiet=yes'], /--quiet is a switch and takes no value/],
  ])('serve %j exits 2 naming the flag', async (args, message) => {
    const { code, stderr, stdout } = await runCli(['serve', ...args])
    expect(code).toBe(2)
    expect(stderr).toMatch(message)
    expect(stderr).toContain("Run 'cse-mock serve --help' for usage.")
    expect(stdout).toBe('')
  })

  it.each([
    ['not-json.json', /is not valid JSON/],
    ['not-a-snapshot.json', /is not a valid snapshot/],
  ])('refuses the invalid fixture %s with exit code 2', async (file, message) => {
    const { code, stderr } = await runCli(['serve', '--fixture', join(folder, file)])
    expect(code).toBe(2)
    expect(stderr).toMatch(/--fixture: /)
    expect(stderr).toMatch(message)
  })

  it('refuses a snapshot path in a folder that does not exist', async () => {
    const { code, stderr } = await runCli([
      'serve',
      '--snapshot-on-exit',
      join(folder, 'missing', 'out.json'),
    ])
    expect(code).toBe(2)
    expect(stderr).toMatch(/--snapshot-on-exit: the folder .* does not exist/)
  })

  it('lists every serve flag with its default in --help', async () => {
    const { code, stdout } = await runCli(['--help'])
    expect(code).toBe(0)
    for (const [flag, fallback] of [
      ['--host HOST', '127.0.0.1'],
      ['--port PORT', '30100'],
      ['--profile cse|servicecomb', 'cse'],
      ['--seed N', 'none'],
      ['--services N', '12 when seeding'],
      ['--instances M', '2 per service when seeding'],
      ['--fixture FILE', 'none'],
      ['--snapshot-on-exit FILE', 'none'],
      ['--clock system|virtual', 'system'],
      ['--quiet', 'off'],
      ['--log-format text|json', 'text'],
    ]) {
      expect(stdout).toMatch(
        new RegExp(`\\n  ${escapeRegExp(flag!)} .*\\(default: ${escapeRegExp(fallback!)}`),
      )
    }
    expect(stdout).toMatch(/\n {2}verify +\S/)
    expect(stdout).not.toMatch(/not available yet/)
  })

  it('prints the same flag list for serve --help and help serve', async () => {
    const direct = await runCli(['serve', '--help'])
    const viaHelp = await runCli(['help', 'serve'])
    expect(direct.code).toBe(0)
    expect(direct.stdout).toMatch(/^Usage: cse-mock serve \[flags\]/)
    expect(viaHelp.stdout).toBe(direct.stdout)
  })

  it('prints the package version', async () => {
    const { code, stdout } = await runCli(['--version'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^\d+\.\d+\.\d+/)
  })

  it.each([
    [['verify', '--target', 'cloud'], /--target must be one of mock, server; got 'cloud'/],
    [
      ['launch'],
      /unknown command 'launch'; available commands: serve, verify, compare, init, import, help/,
    ],
    [['compare', '--right', 'http://127.0.0.1:1'], /--left must be an http\(s\) URL/],
    [
      ['compare', '--left', 'http://a:1', '--right', 'http://b:1', '--settle', 'soon'],
      /--settle must be an integer/,
    ],
    [[], /Usage: cse-mock <command>/],
  ])('%j exits 2', async (args, message) => {
    const { code, stderr } = await runCli(args)
    expect(code).toBe(2)
    expect(stderr).toMatch(message)
  })
})

function escapeRegExp(text: string): string {
  return text.replace(/[|.()*+?[\]{}^$\\]/g, '\\$&')
}
