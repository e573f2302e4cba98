import { type ChildProcess, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { afterEach, describe, expect, it } from 'vitest'
import { type CseMockServer, startCseMockServer } from '../../src/server/index.ts'
import type { ShadowView } from '../../src/shadow/shadow-view.ts'

let live: CseMockServer | undefined
let child: ChildProcess | undefined

afterEach(async () => {
  if (child?.exitCode === null) child.kill('SIGKILL')
  await live?.close()
  live = child = undefined
})

async function shadowOf(mockUrl: string): Promise<ShadowView> {
  return (await (await fetch(`${mockUrl}/__cse-mock/shadow`)).json()) as ShadowView
}

describe('cse-mock serve --shadow and the inspector', () => {
  it("shows the session in the mock's inspector: GET /__cse-mock/shadow counts the proxied requests", async () => {
    live = await startCseMockServer({ port: 0 })
    child = spawn(
      process.execPath,
      ['bin/cse-mock.js', 'serve', '--port', '0', '--shadow', live.url, '--shadow-no-import'],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    )
    const lines = createInterface({ input: child.stdout! })
    const [url, mockUrl] = await new Promise<[string, string]>((resolve) =>
      lines.on('line', (line) => {
        const proxy = /listening on (http:\/\/[\d.:]+)/.exec(line)?.[1]
        const mock = /inspector at (http:\/\/[\d.:]+)/.exec(line)?.[1]
        if (proxy && mock) resolve([proxy, mock])
      }),
    )
    const before = await shadowOf(mockUrl)
    expect(before).toMatchObject({ active: true, live: live.url, seen: 0, records: [] })
    const answer = await fetch(`${url}/v4/default/registry/microservices`, {
      headers: { Authorization: 'Bearer not-for-the-inspector' },
    })
    expect(answer.status).toBe(200)
    // The record is made once the replay on the mock is compared, after the client's answer.
    let view = await shadowOf(mockUrl)
    for (let i = 0; i < 100 && view.active && view.seen === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      view = await shadowOf(mockUrl)
    }
    if (!view.active) throw new Error('the shadow session is not active')
    expect(view.seen).toBe(1)
    expect(view.records.map((r) => [r.operation, r.method, r.liveStatus])).toEqual([
      ['listServices', 'GET', 200],
    ])
    expect(view.operations).toEqual([
      expect.objectContaining({ operation: 'listServices', records: 1 }),
    ])
    expect(JSON.stringify(view)).not.toContain('not-for-the-inspector')
    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  }, 30_000)
})
