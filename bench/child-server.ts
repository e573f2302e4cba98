import { type ChildProcess, spawn } from 'node:child_process'

/** A server running in its own process, reachable at `origin`. */
export interface ChildServer {
  readonly origin: string
  readonly pid: number
  /** `performance.now()` when the process was spawned. */
  readonly spawnedAt: number
  stop(): Promise<void>
}

const READY = /listening on (http:\/\/[^\s)]+)/
const START_TIMEOUT_MS = 30_000
const STOP_TIMEOUT_MS = 5_000

const running = new Set<ChildProcess>()

// A benchmark that fails half-way must not leave servers behind.
const killAll = () => {
  for (const child of running) child.kill('SIGKILL')
}
process.once('exit', killAll)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAll()
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15))
  })
}

/**
 * Starts `node <args>` and waits for the line that says where it listens
 * (`… listening on http://127.0.0.1:PORT …`).
 */
export function startChildServer(args: readonly string[], label: string): Promise<ChildServer> {
  const spawnedAt = performance.now()
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  running.add(child)
  child.once('exit', () => running.delete(child))
  return new Promise<ChildServer>((resolve, reject) => {
    let output = ''
    const fail = (reason: string) => {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(new Error(`Failed to start ${label}: ${reason}. Output so far:\n${output}`))
    }
    const timer = setTimeout(
      () => fail(`no ready line in ${START_TIMEOUT_MS} ms`),
      START_TIMEOUT_MS,
    )
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk
    })
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk
      const match = READY.exec(output)
      if (!match?.[1]) return
      clearTimeout(timer)
      // Keep draining the pipe so a chatty server never blocks on a full buffer.
      child.stdout.removeAllListeners('data').resume()
      resolve({ origin: match[1], pid: child.pid ?? -1, spawnedAt, stop: () => stopChild(child) })
    })
    child.once('error', (error) => fail(error.message))
    child.once('exit', (code, signal) => fail(`it exited (${signal ?? `code ${code}`})`))
  })
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}
