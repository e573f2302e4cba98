/** Lines written together, in order, a few times a second at most. */
export interface LineBuffer {
  push(line: string): void
  /** Writes what is pending now (before another line that must follow them, or exit). */
  flush(): void
}

/** How long a line may wait for others to go out with it. */
const FLUSH_MS = 50
/** Pending text that is written at once, without waiting. */
const FLUSH_CHARS = 64 * 1024

/**
 * Batches log lines: under load a server answers thousands of requests a second, and one write
 * per line (a system call, and a wake-up of whoever reads the pipe) costs more than the answer
 * itself. Lines go out in the order pushed, at most 50 ms late.
 * @example
 * const lines = createLineBuffer((text) => io.out(text))
 * lines.push('GET /v4/default/registry/health 200')
 */
export function createLineBuffer(write: (text: string) => void): LineBuffer {
  let pending: string[] = []
  let chars = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  const flush = () => {
    if (timer) clearTimeout(timer)
    timer = undefined
    if (pending.length === 0) return
    const lines = pending
    pending = []
    chars = 0
    write(lines.join('\n'))
  }
  return {
    push(line) {
      pending.push(line)
      chars += line.length + 1
      if (chars >= FLUSH_CHARS) flush()
      else timer ??= setTimeout(flush, FLUSH_MS)
    },
    flush,
  }
}
