import { type ChildProcess, spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { createInterface } from 'node:readline'

const ROOT = resolve(import.meta.dirname, '../..')
const NODE = resolve(ROOT, 'node_modules/.bin/node')
const BIN = resolve(ROOT, 'bin/cse-mock.js')

const running = new Set<ChildProcess>()

/** A spawned `cse-mock` process, its output line by line and its exit. */
export interface CliProcess {
  child: ChildProcess
  stdout: string[]
  stderr: string[]
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Resolves with the first stdout line (past or future) matching `pattern`. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>
}

/** A `cse-mock serve` process that printed its ready line. */
export interface ServingProcess extends CliProcess {
  url: string
}

/**
 * Spawns `node bin/cse-mock.js <args>` from the repository root.
 * @example
 * const cli = spawnCli(['--help'])
 */
export function spawnCli(args: readonly string[], env?: Record<string, string>): CliProcess {
  const child = spawn(NODE, [BIN, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(env ? { env: { ...process.env, ...env } } : {}),
  })
  running.add(child)
  const stdout: string[] = []
  const stderr: string[] = []
  const waiters = new Set<(line: string) => void>()
  createInterface({ input: child.stdout! }).on('line', (line) => {
    stdout.push(line)
    for (const waiter of [...waiters]) waiter(line)
  })
  createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line))
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
    // 'close' comes after the exit and after stdout and stderr ended, so every line is in.
    child.once('close', (code, signal) => {
      running.delete(child)
      done({ code, signal })
    })
  })
  const waitForLine = (pattern: RegExp, timeoutMs = 15_000) =>
    new Promise<string>((found, fail) => {
      const seen = stdout.find((line) => pattern.test(line))
      if (seen !== undefined) return found(seen)
      const timer = setTimeout(() => {
        waiters.delete(check)
        fail(
          new Error(
            `no line matching ${pattern} within ${timeoutMs} ms; stdout:\n${stdout.join('\n')}\nstderr:\n${stderr.join('\n')}`,
          ),
        )
      }, timeoutMs)
      const check = (line: string) => {
        if (!pattern.test(line)) return
        clearTimeout(timer)
        waiters.delete(check)
        found(line)
      }
      waiters.add(check)
      void exit.then(() => {
        if (!waiters.has(check)) return
        clearTimeout(timer)
        waiters.delete(check)
        fail(
          new Error(`the process exited before printing ${pattern}; stderr:\n${stderr.join('\n')}`),
        )
      })
    })
  return { child, stdout, stderr, exit, waitForLine }
}

/**
 * Spawns `cse-mock serve --port 0 <args>` and waits for its ready line.
 * @example
 * const server = await startServe(['--seed', '1'])
 * await fetch(`${server.url}/v4/default/registry/health`)
 */
export async function startServe(
  args: readonly string[] = [],
  env?: Record<string, string>,
): Promise<ServingProcess> {
  const cli = spawnCli(['serve', '--port', '0', ...args], env)
  const ready = await cli.waitForLine(/listening on (http:\/\/\S+)/)
  const url = /listening on (http:\/\/[^\s"]+)/.exec(ready)![1]!
  return { ...cli, url }
}

/**
 * Runs the CLI to completion and collects its output.
 * @example
 * const { code, stderr } = await runCli(['serve', '--port', 'abc'])
 */
export async function runCli(args: readonly string[]) {
  const cli = spawnCli(args)
  const { code } = await cli.exit
  return { code, stdout: cli.stdout.join('\n'), stderr: cli.stderr.join('\n') }
}

/**
 * Sends a signal and waits for the process to exit.
 * @example
 * expect(await stopCli(server, 'SIGTERM')).toEqual({ code: 0, signal: null })
 */
export async function stopCli(cli: CliProcess, signal: NodeJS.Signals = 'SIGTERM') {
  cli.child.kill(signal)
  return cli.exit
}

/**
 * Kills every process these helpers spawned that is still running; for `afterEach`/`afterAll`.
 * @example
 * afterEach(killAllCli)
 */
export async function killAllCli(): Promise<void> {
  const exits = [...running].map(
    (child) =>
      new Promise<void>((done) => {
        child.once('close', () => done())
        child.kill('SIGKILL')
      }),
  )
  await Promise.all(exits)
}
