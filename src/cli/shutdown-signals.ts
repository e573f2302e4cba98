/** The stop signals `cse-mock serve` answers. */
const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM']

/** Why a server stops: a signal, or the process that started it went away. */
export type ShutdownReason = NodeJS.Signals | 'parent-exit'

/** Options of {@link watchShutdownSignals}. */
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

/** The first stop signal, and a way to hear about the next one. */
export interface ShutdownSignals {
  /** Resolves with the first SIGINT or SIGTERM, or `'parent-exit'` (see `watchParent`). */
  first: Promise<ShutdownReason>
  /** The parent process id when watching began. */
  parent: number
  /**
   * Runs `listener` on a later stop signal instead of Node's default (which would kill the
   * process before it saved anything): an orchestrator sends SIGTERM, waits, then SIGKILL, and
   * an impatient user presses Ctrl-C twice. `listener` is expected to end the process.
   */
  onRepeat(listener: (signal: NodeJS.Signals) => void): void
}

/**
 * Listens for SIGINT and SIGTERM (and, with `watchParent`, for the parent's exit) for the whole
 * life of a serve command. Call it before printing the ready line: a harness may signal the
 * moment it reads that line.
 * @example
 * const signals = watchShutdownSignals({ watchParent: startedByNpm() })
 * signals.onRepeat(() => process.exit(130))
 * await signals.first
 */
export function watchShutdownSignals(options: ShutdownOptions = {}): ShutdownSignals {
  let resolveFirst: (reason: ShutdownReason) => void = () => undefined
  let repeat: ((signal: NodeJS.Signals) => void) | undefined
  let received = false
  const first = new Promise<ShutdownReason>((resolve) => {
    resolveFirst = resolve
  })
  const parent = process.ppid
  // Parent 1 means init adopted the process already: the parent died while it was starting.
  const timer = options.watchParent
    ? setInterval(() => {
        if (parent === 1 || process.ppid !== parent) stop('parent-exit')
      }, options.parentPollMs ?? 250)
    : undefined
  timer?.unref()
  const stop = (reason: ShutdownReason) => {
    clearInterval(timer)
    if (received) return
    received = true
    resolveFirst(reason)
  }
  const onSignal = (signal: NodeJS.Signals) => {
    if (!received) return stop(signal)
    if (repeat) repeat(signal)
    else process.exit(signalExitCode(signal))
  }
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal)
  return {
    first,
    parent,
    onRepeat(listener) {
      repeat = listener
    },
  }
}

/**
 * Whether npm started this process (`npx`, `npm exec`, a package script): npm sets
 * `npm_command` in the environment of everything it runs.
 * @example
 * watchShutdownSignals({ watchParent: startedByNpm() })
 */
export function startedByNpm(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.npm_command !== undefined
}

/**
 * The exit code of a process ended by a signal, as shells report it: 128 + the signal number.
 * @example
 * signalExitCode('SIGTERM') // 143
 */
export function signalExitCode(signal: NodeJS.Signals): number {
  return signal === 'SIGINT' ? 130 : 143
}
