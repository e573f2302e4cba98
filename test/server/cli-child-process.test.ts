import { type ChildProcess, spawn } from 'node:child_process'
import { connect } from 'node:net'
import { resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { afterEach, describe, expect, it } from 'vitest'
import { killAllCli, startServe, stopCli } from './cli-process.ts'

const ROOT = resolve(import.meta.dirname, '../..')
const BIN_DIR = resolve(ROOT, 'node_modules/.bin')
const others = new Set<ChildProcess>()

afterEach(async () => {
  await killAllCli()
  for (const child of others) child.kill('SIGKILL')
  others.clear()
})

/** Resolves once nothing accepts connections on the port; rejects after `timeoutMs`. */
async function portFree(port: number, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    const refused = await new Promise<boolean>((done) => {
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => {
        socket.destroy()
        done(false)
      })
      socket.once('error', () => done(true))
    })
    if (refused) return
    await new Promise((done) => setTimeout(done, 100))
  }
  throw new Error(`port ${port} still accepts connections after ${timeoutMs} ms`)
}

/** Spawns a command whose stdout carries the server's lines; resolves with its ready URL. */
function spawnThrough(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  others.add(child)
  const lines: string[] = []
  const stdoutEnded = new Promise<void>((done) => child.stdout!.once('end', () => done()))
  const url = new Promise<string>((found, fail) => {
    const timer = setTimeout(() => fail(new Error(`no ready line: ${lines.join('\n')}`)), 20_000)
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line)
      const match = /listening on (http:\/\/\S+)/.exec(line)
      if (match) {
        clearTimeout(timer)
        found(match[1]!)
      }
    })
  })
  createInterface({ input: child.stderr! }).on('line', (line) => lines.push(line))
  return { child, lines, url, stdoutEnded }
}

describe('cse-mock serve as a child process', () => {
  it('keeps serving after its stdout is closed, and says so once on stderr', async () => {
    const server = await startServe()
    server.child.stdout!.destroy()
    for (let round = 0; round < 20; round += 1) {
      const response = await fetch(`${server.url}/v4/default/registry/health`)
      expect(response.status).toBe(200)
    }
    expect(await stopCli(server, 'SIGTERM')).toEqual({ code: 0, signal: null })
    expect(server.stderr.filter((line) => line.includes('stdout was closed'))).toEqual([
      'cse-mock: stdout was closed (EPIPE); writing no more to it, the command goes on',
    ])
  })

  it.each(['SIGTERM', 'SIGINT'] as const)('exits 0 on %s and frees its port', async (signal) => {
    const server = await startServe()
    expect(await stopCli(server, signal)).toEqual({ code: 0, signal: null })
    expect(server.stdout.at(-1)).toMatch(/^cse-mock stopped after \d+ requests?$/)
    await portFree(Number(new URL(server.url).port))
  })

  it("stops when npm's shell in between dies of SIGTERM and leaves it behind", async () => {
    // What npm exec does: `sh -c 'cse-mock serve'`, SIGTERM forwarded to the shell only.
    const bin = resolve(ROOT, 'bin/cse-mock.js')
    const shell = spawnThrough('sh', ['-c', `'${process.execPath}' '${bin}' serve --port 0; :`], {
      ...process.env,
      npm_command: 'exec',
    })
    const url = await shell.url
    shell.child.kill('SIGTERM')
    await shell.stdoutEnded
    await portFree(Number(new URL(url).port))
    expect(shell.lines).toContainEqual(
      expect.stringMatching(/^cse-mock's parent process \d+ exited, finishing in-flight requests$/),
    )
    expect(shell.lines.at(-1)).toMatch(/^cse-mock stopped after 0 requests$/)
  })

  it('stops on its own when npm and its shell were gone before it finished starting', async () => {
    const bin = resolve(ROOT, 'bin/cse-mock.js')
    const shell = spawnThrough('sh', ['-c', `'${process.execPath}' '${bin}' serve --port 0; :`], {
      ...process.env,
      npm_command: 'exec',
    })
    // Long before the ready line: the server starts with init as its parent.
    await new Promise((done) => setTimeout(done, 100))
    shell.child.kill('SIGTERM')
    await shell.stdoutEnded
    expect(shell.lines).toContainEqual(
      "cse-mock's parent process exited, finishing in-flight requests",
    )
    expect(shell.lines.at(-1)).toMatch(/^cse-mock stopped after 0 requests$/)
    await portFree(Number(new URL(await shell.url).port))
  })

  it('stops, and frees its port, when the npx that started it gets SIGTERM', async () => {
    const env = { ...process.env, PATH: `${BIN_DIR}:${process.env.PATH}` }
    const npx = spawnThrough('npx', ['--no-install', 'cse-mock', 'serve', '--port', '0'], env)
    const url = await npx.url
    expect((await fetch(`${url}/v4/default/registry/health`)).status).toBe(200)
    const exited = new Promise((done) =>
      npx.child.once('exit', (code, signal) => done({ code, signal })),
    )
    npx.child.kill('SIGTERM')
    // npm forwards the signal to its shell, then ends itself by the same signal.
    expect(await exited).toEqual({ code: null, signal: 'SIGTERM' })
    await portFree(Number(new URL(url).port))
  }, 40_000)
})
