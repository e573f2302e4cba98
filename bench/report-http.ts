import type { HttpPart } from './http.ts'
import { integer, megabytes, micros, percent, ratio, table } from './report-format.ts'

/** The HTTP tables: every scenario on every target, then start-up and memory. */
export function httpSection(http: HttpPart): string[] {
  const against = http.targets.find((target) => target.key === 'against')
  const mocks = http.targets.filter((target) => target.registry && target.key !== 'against')
  const versus = against ? [`vs ${against.label}`] : []
  const rows: string[][] = []
  for (const row of http.rows) {
    for (const target of http.targets) {
      const figures = row.figures[target.key]
      if (!figures) continue
      const isMock = mocks.includes(target)
      rows.push([
        target === http.targets[0] ? `**${row.label}**` : '',
        target.label,
        integer(figures.requestsPerSecond),
        figures.p50Ms.toFixed(2),
        figures.p99Ms.toFixed(2),
        figures.cpuMicros === undefined ? 'n/a' : micros(figures.cpuMicros),
        `${figures.errors} / ${figures.non2xx}`,
        target.key === 'bare' ? '100 %' : percent(row.ofBare[target.key] ?? Number.NaN),
        ...(against ? [isMock ? ratio(row.ofAgainst[target.key] ?? Number.NaN) : ''] : []),
      ])
    }
  }
  const registries = http.targets.filter((target) => target.registry)
  return [
    `## HTTP: side by side under wrk (-t${http.threads} -c${http.connections}, ${http.durationSeconds} s after a ${http.warmupSeconds} s warm-up, ${http.rounds} interleaved round${http.rounds === 1 ? '' : 's'}, medians)`,
    '',
    "Every registry holds the same data, registered over HTTP before the runs: one service with 1 instance, one with 100, one with 1,000, one each for heartbeat and registration (1,103 instances). `cse-mock serve` runs as `serve --port 0 --profile P`: the default request log on (one line per request to a pipe the benchmark drains), no faults. Each round runs every scenario on every target, targets rotating, so load from elsewhere hits all sides alike; ratios are medians of the per-round ratios. The rounds of register growing, the one scenario that grows the registry, run after all the others; it starts from a fresh service on every run and is measured for at most 5 s, which keeps it under the registry's quota of 150,000 instances. CPU: user + system time of the target's processes per request (n/a when they are unknown). The bare server answers a constant ~50-byte JSON body to any request: the ceiling of one Node thread.",
    '',
    table(
      [
        'Scenario',
        'Target',
        'req/s',
        'p50 ms',
        'p99 ms',
        'CPU µs/req',
        'errors / non-2xx',
        'of bare',
        ...versus,
      ],
      rows,
    ),
    '',
    `Service Center's published figures (k6, 10 VUs, external etcd, 2 cores; a footnote, not a comparison): ${http.rows.map((row) => `${row.label} ${integer(row.publishedScPerSecond)}/s`).join(', ')}.`,
    '',
    '### Start-up and memory',
    '',
    `Start-up: \`cse-mock serve\` from spawn to the first 200 on \`GET /v4/default/registry/health\`, empty registry (median of ${http.startup[0]?.repeats ?? 0}). RSS: resident memory of the target's processes.`,
    '',
    table(
      ['', ...registries.map((target) => target.label)],
      [
        [
          'start to first 200 on health',
          ...registries.map((target) => {
            const figures = http.startup.find((entry) => entry.profile === target.key)
            return figures ? `${(figures.firstHealthMs / 1000).toFixed(2)} s` : 'n/a'
          }),
        ],
        [
          'RSS, empty',
          ...registries.map((target) =>
            target.key === 'against'
              ? megabytes(http.againstRssBeforeDataBytes)
              : megabytes(
                  http.startup.find((entry) => entry.profile === target.key)?.rssEmptyBytes,
                ),
          ),
        ],
        [
          'RSS with the 1,103 instances',
          ...registries.map((target) =>
            megabytes(http.memory.find((entry) => entry.key === target.key)?.rssWithDataBytes),
          ),
        ],
        [
          'RSS after the runs',
          ...registries.map((target) =>
            megabytes(http.memory.find((entry) => entry.key === target.key)?.rssAfterRunBytes),
          ),
        ],
      ],
    ),
    '',
  ]
}
