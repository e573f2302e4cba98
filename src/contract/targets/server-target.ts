import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { ContractError } from '../errors.ts'
import type { ContractTarget } from './target.ts'

const PACKAGE_ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const READY = /http:\/\/127\.0\.0\.1:\d+/

/**
 * Starts the standalone mock server (`cse-mock serve --port 0 --quiet`) as a child process
 * with the Node that runs this code, and waits for the URL in its ready line.
 * @example
 * const target = await startServerTarget()
 * console.log(target.client.baseUrl) // http://127.0.0.1:41234
 * await target.close()
 */
export async function startServerTarget(
  options: { args?: string[]; readyTimeoutMs?: number; rbac?: boolean } = {},
): Promise<ContractTarget> {
  // With rbac the server runs as an engine with security authentication and the run logs in
  // as its root account, so the auth scenarios (websockets included) run too.
  const login = options.rbac
    ? { user: 'root', password: `Ct#${randomBytes(6).toString('hex')}Aa1` }
    : undefined
  const child = spawn(
    process.execPath,
    [
      'bin/cse-mock.js',
      'serve',
      '--port',
      '0',
      '--quiet',
      ...(login ? ['--rbac', '--root-password', login.password] : []),
      ...(options.args ?? []),
    ],
    { cwd: PACKAGE_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const baseUrl = await waitForUrl(child, options.readyTimeoutMs ?? 15_000)
  let closing: Promise<void> | undefined
  return {
    kind: 'server',
    client: login ? { baseUrl, ...login } : { baseUrl },
    description: `standalone server ${baseUrl} (pid ${child.pid})`,
    close() {
      closing ??= stop(child)
      return closing
    },
  }
}

function waitForUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = ''
    const fail = (reason: string) => {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(
        new ContractError(
          'ERR_SERVER_START',
          `Failed to start the mock server: ${reason}. Output so far: ${JSON.stringify(output.slice(-400))}. Check that \`node bin/cse-mock.js serve --port 0\` works.`,
        ),
      )
    }
    const timer = setTimeout(() => fail(`no ready line within ${timeoutMs} ms`), timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const url = READY.exec(output)?.[0]
      if (!url) return
      clearTimeout(timer)
      child.stdout?.off('data', onData)
      child.stderr?.off('data', onData)
      // Keep draining so a chatty server never blocks on a full pipe.
      child.stdout?.resume()
      child.stderr?.resume()
      child.off('exit', onExit)
      resolve(url)
    }
    const onExit = (code: number | null) => fail(`it exited with code ${code}`)
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', onExit)
    child.once('error', (error) => fail(error.message))
  })
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    child.kill('SIGTERM')
  })
}
