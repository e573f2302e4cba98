import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterEach, describe, expect, it } from 'vitest'
import { type CseMockServer, startCseMockServer } from '../../src/server/index.ts'

let live: CseMockServer | undefined
let child: ChildProcess | undefined
let dir: string | undefined

afterEach(async () => {
  if (child?.exitCode === null) child.kill('SIGKILL')
  await live?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
  live = child = dir = undefined
})

describe('cse-mock serve --shadow', () => {
  it('imports the live registry, proxies to it, and on SIGTERM prints the summary and writes the log and summary files', async () => {
    live = await startCseMockServer({ port: 0, profile: 'servicecomb' })
    await fetch(`${live.url}/v4/default/registry/microservices`, {
      method: 'POST',
      body: JSON.stringify({ service: { serviceName: 'there', appId: 'cli', version: '1.0.0' } }),
    })
    dir = await mkdtemp(join(tmpdir(), 'shadow-cli-'))
    const log = join(dir, 'shadow.jsonl')
    const summaryFile = join(dir, 'summary.json')
    child = spawn(
      process.execPath,
      [
        'bin/cse-mock.js',
        'serve',
        '--port',
        '0',
        '--shadow',
        live.url,
        '--shadow-log',
        log,
        '--shadow-summary',
        summaryFile,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let stderr = ''
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8')
    })
    const lines = createInterface({ input: child.stdout! })
    const out: string[] = []
    const url = await new Promise<string>((resolve) =>
      lines.on('line', (line) => {
        out.push(line)
        const match = /listening on (http:\/\/[\d.:]+)/.exec(line)
        if (match?.[1]) resolve(match[1])
      }),
    )
    expect(out[0]).toMatch(/^cse-mock read 1 services, 0 instances from http/)
    // The import loaded the live service: the mock answers the read alike.
    const listed = await fetch(`${url}/v4/default/registry/microservices`)
    expect(listed.status).toBe(200)
    await fetch(`${url}/v4/default/registry/instances?appId=cli&serviceName=there`)
    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(stderr).toContain(
      'shadow summary: 2 requests, 1 agreeing, 0 with unlabelled differences',
    )
    expect(stderr).toMatch(/findInstances\s+status\s+-\s+1\s+profile:/)
    const records = (await readFile(log, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(records.map((r) => [r.operation, r.liveStatus, r.mockStatus])).toEqual([
      ['listServices', 200, 200],
      ['findInstances', 200, 400],
    ])
    const summary = JSON.parse(await readFile(summaryFile, 'utf8'))
    expect(summary).toMatchObject({ requests: 2, agreeing: 1, differing: 0 })
  }, 30_000)
})
