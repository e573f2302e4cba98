import { createWriteStream } from 'node:fs'
import type { ShadowObserver } from './shadow-record.ts'

/**
 * An observer that appends every record to `path` as one JSON object per line
 * (`--shadow-log`). Records reach it already cleaned of credentials.
 * @example
 * const log = createJsonLinesLog('shadow.jsonl')
 */
export function createJsonLinesLog(path: string): ShadowObserver {
  const stream = createWriteStream(path, { flags: 'w' })
  let failure: Error | undefined
  stream.on('error', (error) => {
    failure = error
  })
  return {
    record(record) {
      if (!failure) stream.write(`${JSON.stringify(record)}\n`)
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (failure) {
          reject(failure)
          return
        }
        stream.end(() => resolve())
      }),
  }
}
