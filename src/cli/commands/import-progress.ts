import type { ImportProgress } from '../../import/options.ts'

/** Where progress goes: stderr, or a stand-in in tests. */
export interface ProgressStream {
  isTTY?: boolean
  columns?: number
  write(text: string): unknown
}

/**
 * Shows an import's progress on a stream. On a terminal one line is redrawn (a bar, the
 * services read, the requests sent, the time), at most ten times a second; elsewhere (a pipe,
 * a CI log) each phase prints one plain line.
 * @example
 * const progress = createImportProgress(process.stderr)
 * await importRegistry(client, { onProgress: progress.update })
 * progress.end()
 */
export function createImportProgress(stream: ProgressStream, now = () => performance.now()) {
  const started = now()
  const seconds = () => `${((now() - started) / 1000).toFixed(1)} s`
  let drawn = -Infinity
  let open = false
  const line = (text: string) => stream.write(`${text}\n`)
  const draw = ({ done, total, requests }: ImportProgress) => {
    const width = Math.max(10, Math.min(30, (stream.columns ?? 80) - 60))
    const filled = total === 0 ? width : Math.round((done / total) * width)
    const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`
    stream.write(
      `\r\x1b[KImporting [${bar}] ${done}/${total} services, ${requests} requests, ${seconds()}`,
    )
    open = true
  }
  return {
    update(progress: ImportProgress) {
      if (stream.isTTY) {
        if (progress.phase === 'read' && progress.done < progress.total && now() - drawn < 100) {
          return
        }
        drawn = now()
        draw(progress)
        if (progress.phase === 'done') {
          stream.write('\n')
          open = false
        }
        return
      }
      if (progress.phase === 'list') {
        line(
          `Listed the services: ${progress.total} to import; reading their tags, schemas, instances and providers`,
        )
      } else if (progress.phase === 'done') {
        line(`Read ${progress.done} services with ${progress.requests} requests in ${seconds()}`)
      }
    },
    /** Ends a redrawn line that an error cut short, so the next message starts on its own line. */
    end() {
      if (open) stream.write('\n')
      open = false
    },
    seconds,
  }
}
