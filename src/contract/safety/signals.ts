/**
 * How an interrupted run leaves: the exit function and where to say what happens.
 * @example
 * installInterruptCleanup(cleanup, { exit: (code) => console.log('would exit', code) })
 */
export interface InterruptOptions {
  exit?: (code: number) => void
  log?: (line: string) => void
}

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const

/**
 * Installs SIGINT and SIGTERM handlers that run the cleanup, then exit with 130 or 143. A
 * second signal during the cleanup exits at once. Returns the function that removes them.
 * @example
 * const uninstall = installInterruptCleanup(() => run.cleanup())
 * try { await run.run() } finally { uninstall() }
 */
export function installInterruptCleanup(
  cleanup: () => Promise<unknown>,
  options: InterruptOptions = {},
): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code))
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  let cleaning = false
  const handlers = Object.entries(EXIT_CODES).map(([signal, code]) => {
    const handler = () => {
      if (cleaning) {
        log(`${signal} again: exiting without finishing the cleanup.`)
        exit(code)
        return
      }
      cleaning = true
      log(`${signal}: deleting what this run created, then exiting (press again to skip).`)
      cleanup()
        .catch((error: unknown) => log(`cleanup failed: ${(error as Error).message}`))
        .finally(() => exit(code))
    }
    process.on(signal, handler)
    return [signal, handler] as const
  })
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler)
  }
}
