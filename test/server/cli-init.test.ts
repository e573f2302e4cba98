import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from './cli-process.ts'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cse-mock-init-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('cse-mock init', () => {
  it("copies the installed msw's mockServiceWorker.js into the folder, byte for byte", async () => {
    const { code, stdout } = await runCli(['init', dir])
    expect(code).toBe(0)
    const msw = JSON.parse(await readFile('node_modules/msw/package.json', 'utf8'))
    expect(stdout).toContain(`copied mockServiceWorker.js of msw ${msw.version} to ${dir}`)
    const copied = await readFile(join(dir, 'mockServiceWorker.js'))
    expect(copied.equals(await readFile('node_modules/msw/lib/mockServiceWorker.js'))).toBe(true)
  })

  it('exits 2 and says so when the folder does not exist, creating nothing', async () => {
    const missing = join(dir, 'public')
    const { code, stderr } = await runCli(['init', missing])
    expect(code).toBe(2)
    expect(stderr).toContain(
      `cse-mock init: the folder '${missing}' does not exist; create it first`,
    )
    await expect(readFile(join(missing, 'mockServiceWorker.js'))).rejects.toThrow(/ENOENT/)
  })

  it('exits 2 for a file, for no folder and for a flag', async () => {
    const file = join(dir, 'index.html')
    await writeFile(file, '<!doctype html>')
    expect(await runCli(['init', file])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('is a file'),
    })
    expect(await runCli(['init'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('expected one folder'),
    })
    expect(await runCli(['init', '--save', dir])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("unknown flag '--save'"),
    })
  })
})
