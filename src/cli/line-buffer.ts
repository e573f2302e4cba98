/** Lines written together, in order, once per turn of the event loop. */
export interface LineBuffer {
  push(line: string): void
  /** Writes what is pending now (before another line that must follow them, or exit). */
  flush(): void
}

/**
 * Batches log lines: under load a server answers several requests per turn of the event loop,
 * and one write per line (a system call, and a wake-up of whoever reads the pipe) cost more
 * than the answer itself. Lines still go out before the next turn, in the order pushed.
 * @example
 * const lines = createLineBuffer((text) => io.out(text))
 * lines.push('GET /v4/default/registry/health 200')
 */
export function createLineBuffer(write: (text: string) => void): LineBuffer {
  let pending: string[] = []
  let scheduled = false
  const flush = () => {
    scheduled = false
    if (pending.length === 0) return
    const lines = pending
    pending = []
    write(lines.join('\n'))
  }
  return {
    push(line) {
      pending.push(line)
      if (!scheduled) {
        scheduled = true
        setImmediate(flush)
      }
    },
    flush,
  }
}
