import type { CliIo } from './command.ts'

/**
 * Writes lines to a standard stream until the reader goes away. Once a write fails (EPIPE:
 * `cse-mock serve | head -1` closed the pipe), the stream is left alone and `onClosed` runs
 * once; without this, the failed write would be an unhandled 'error' event and end the process.
 * @example
 * const out = createLineWriter(process.stdout, () => console.error('stdout closed'))
 * out('hello')
 */
export function createLineWriter(
  stream: NodeJS.WritableStream,
  onClosed: (error: Error) => void = () => {},
): (line: string) => void {
  let open = true
  const close = (error: Error) => {
    if (!open) return
    open = false
    onClosed(error)
  }
  stream.on('error', close)
  return (line) => {
    if (!open) return
    try {
      stream.write(`${line}\n`)
    } catch (error) {
      close(error as Error)
    }
  }
}

/**
 * The process's stdout and stderr as a `CliIo`. When stdout closes, stderr says once that
 * logging stopped; the command itself (a server, say) goes on.
 * @example
 * process.exitCode = await main(process.argv.slice(2), createProcessIo())
 */
export function createProcessIo(): CliIo {
  const err = createLineWriter(process.stderr)
  const out = createLineWriter(process.stdout, (error) => {
    const code = (error as NodeJS.ErrnoException).code ?? error.message
    err(`cse-mock: stdout was closed (${code}); writing no more to it, the command goes on`)
  })
  return { out, err }
}
