/** Why a server stops: a signal, or the process that started it went away. */
export type ShutdownReason = NodeJS.Signals | 'parent-exit'

/** Options of {@link waitForShutdown}. */
export interface ShutdownOptions {
  /**
   * Also stop when the parent process exits. npm (`npx`, `npm exec`, `npm run`) starts the bin
   * through `sh -c` and forwards SIGTERM only to that shell, which dies and leaves its child
   * running; noticing the new parent is how the server still stops.
   */
  watchParent?: boolean
  /** How often the parent is checked, in ms; default 250. */
  parentPollMs?: number
}

/**
 * Resolves with the first SIGINT or SIGTERM (or `'parent-exit'`, see `watchParent`). Its
 * listeners are removed at once, so a second Ctrl-C stops the process the usual way without
 * waiting for a graceful shutdown.
 * @example
 * const reason = await waitForShutdown({ watchParent: true }) // 'SIGTERM'
 */
export function waitForShutdown(options: ShutdownOptions = {}): Promise<ShutdownReason> {
  return new Promise((resolve) => {
    const parent = process.ppid
    // Parent 1 means init adopted us already: the parent died while we were starting up.
    const timer = options.watchParent
      ? setInterval(() => {
          if (parent === 1 || process.ppid !== parent) finish('parent-exit')
        }, options.parentPollMs ?? 250)
      : undefined
    timer?.unref()
    const finish = (reason: ShutdownReason) => {
      process.off('SIGINT', finish)
      process.off('SIGTERM', finish)
      clearInterval(timer)
      resolve(reason)
    }
    process.on('SIGINT', finish)
    process.on('SIGTERM', finish)
  })
}

/**
 * Whether npm started this process (`npx`, `npm exec`, a package script): npm sets
 * `npm_command` in the environment of everything it runs.
 * @example
 * await waitForShutdown({ watchParent: startedByNpm() })
 */
export function startedByNpm(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.npm_command !== undefined
}
