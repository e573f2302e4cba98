import { cpus, loadavg, platform, release, totalmem } from 'node:os'

/** Where a run happened: figures only compare within one machine and one run. */
export interface Machine {
  cpu: string
  cores: number
  node: string
  os: string
  memoryGb: number
}

/** The machine this process runs on. */
export function describeMachine(): Machine {
  const list = cpus()
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    node: process.version,
    os: `${platform()} ${release()}`,
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
  }
}

/** The 1, 5 and 15-minute load averages, rounded. */
export function loadAverage(): number[] {
  return loadavg().map((value) => Math.round(value * 100) / 100)
}
