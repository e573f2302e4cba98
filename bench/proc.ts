import { readFileSync } from 'node:fs'

/** Clock ticks per second of `/proc/<pid>/stat` (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100

/**
 * CPU seconds (user + system) a process has used so far, or `undefined` where `/proc` cannot
 * tell (another OS, a process that is gone).
 * @example
 * const before = cpuSeconds(server.pid)
 */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND
  } catch {
    return undefined
  }
}

/**
 * Resident memory of a process in bytes (VmRSS), or `undefined` where `/proc` cannot tell.
 * @example
 * rssBytes(server.pid)
 */
export function rssBytes(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]
    return kb === undefined ? undefined : Number(kb) * 1024
  } catch {
    return undefined
  }
}

/** The sum over processes, `undefined` when any of them cannot be read or there are none. */
export function sumOver(pids: readonly number[], read: (pid: number) => number | undefined) {
  if (pids.length === 0) return undefined
  let total = 0
  for (const pid of pids) {
    const value = read(pid)
    if (value === undefined) return undefined
    total += value
  }
  return total
}
