/** The stop signals `cse-mock serve` answers. */
const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM']

/** The first stop signal, and a way to hear about the next one. */
export interface ShutdownSignals {
  /** Resolves with the first SIGINT or SIGTERM. */
  first: Promise<NodeJS.Signals>
  /**
   * Runs `listener` on a later stop signal instead of Node's default (which would kill the
   * process before it saved anything): an orchestrator sends SIGTERM, waits, then SIGKILL, and
   * an impatient user presses Ctrl-C twice. `listener` is expected to end the process.
   */
  onRepeat(listener: (signal: NodeJS.Signals) => void): void
}

/**
 * Listens for SIGINT and SIGTERM for the whole life of a serve command.
 * @example
 * const signals = watchShutdownSignals()
 * signals.onRepeat(() => process.exit(130))
 * await signals.first
 */
export function watchShutdownSignals(): ShutdownSignals {
  let resolveFirst: (signal: NodeJS.Signals) => void = () => undefined
  let repeat: ((signal: NodeJS.Signals) => void) | undefined
  let received = false
  const first = new Promise<NodeJS.Signals>((resolve) => {
    resolveFirst = resolve
  })
  const onSignal = (signal: NodeJS.Signals) => {
    if (!received) {
      received = true
      resolveFirst(signal)
      return
    }
    if (repeat) repeat(signal)
    else process.exit(signalExitCode(signal))
  }
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal)
  return {
    first,
    onRepeat(listener) {
      repeat = listener
    },
  }
}

/**
 * The exit code of a process ended by a signal, as shells report it: 128 + the signal number.
 * @example
 * signalExitCode('SIGTERM') // 143
 */
export function signalExitCode(signal: NodeJS.Signals): number {
  return signal === 'SIGINT' ? 130 : 143
}
