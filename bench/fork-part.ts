import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const CHILD = fileURLToPath(new URL('./part-child.ts', import.meta.url))
/** A part that has not answered by then is stuck; its process is killed. */
const PART_TIMEOUT_MS = 10 * 60_000

/** Runs a part in a child process (`part-child.ts`) and resolves with what it sends back. */
export function forkPart<T>(args: readonly string[], execArgv: readonly string[] = []): Promise<T> {
  const child = fork(CHILD, args, { execArgv: [...execArgv], stdio: 'inherit' })
  return new Promise<T>((resolve, reject) => {
    let result: { value: T } | undefined
    const timer = setTimeout(() => child.kill('SIGKILL'), PART_TIMEOUT_MS)
    const stopOnExit = () => child.kill('SIGKILL')
    process.once('exit', stopOnExit)
    child.on('message', (message) => {
      result = { value: (message as { result: T }).result }
    })
    child.once('error', reject)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      process.off('exit', stopOnExit)
      if (result) resolve(result.value)
      else
        reject(
          new Error(
            `Failed to run part ${args.join(' ')}: it exited with ${signal ?? code} and no result.`,
          ),
        )
    })
  })
}
