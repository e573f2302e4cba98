import type { ShadowObserver } from './shadow-record.ts'

/**
 * An observer that writes a one-line status (`--shadow-progress`) every `every` requests or
 * `seconds` seconds, whichever comes first; meant for a terminal.
 * @example
 * const progress = createProgressLine((text) => process.stderr.write(text), { every: 100, seconds: 5 })
 */
export function createProgressLine(
  write: (text: string) => void,
  options: { every: number; seconds: number },
): ShadowObserver {
  let requests = 0
  let differing = 0
  let labelled = 0
  let last = Date.now()
  const print = () => {
    last = Date.now()
    write(
      `shadow: ${requests} requests, ${differing} with differences, ${labelled} only labelled ones\n`,
    )
  }
  return {
    record(record) {
      requests += 1
      if (record.differences.some((d) => d.label === undefined)) differing += 1
      else if (record.differences.length > 0) labelled += 1
      if (requests % options.every === 0 || Date.now() - last >= options.seconds * 1000) print()
    },
  }
}
