import { writeFile } from 'node:fs/promises'
import { clientFromEnv } from '../../contract/targets/target-from-env.ts'
import { type CseMock, createCseMock } from '../../mock.ts'
import type { Profile } from '../../registry/index.ts'
import { importLive } from '../../shadow/import-live.ts'
import { createJsonLinesLog } from '../../shadow/json-lines-log.ts'
import { createProgressLine } from '../../shadow/progress-line.ts'
import type { ShadowObserver } from '../../shadow/shadow-record.ts'
import { createShadowSummary, formatSummary } from '../../shadow/shadow-summary.ts'
import { startShadowProxy } from '../../shadow/start-shadow-proxy.ts'
import type { CliIo } from '../command.ts'
import { formatEvent } from '../log-format.ts'
import type { ServeSettings } from '../serve-settings.ts'
import type { ShadowSettings } from '../shadow-flags.ts'
import { startedByNpm, watchShutdownSignals } from '../shutdown-signals.ts'

/**
 * `cse-mock serve --shadow URL`: the proxy in front of the live registry until SIGINT or
 * SIGTERM, then the summary on stderr (and in `--shadow-summary`).
 * @example
 * const code = await runShadow(settings, settings.shadow, io)
 */
export async function runShadow(
  settings: ServeSettings,
  shadow: ShadowSettings,
  io: CliIo,
  /** More observers for the session, made once the mock exists (e.g. the inspector's view). */
  observersFor: (mock: CseMock) => readonly ShadowObserver[] = () => [],
): Promise<number> {
  const log = (event: string, message: string, fields: Record<string, unknown> = {}) =>
    io.out(formatEvent(event, message, fields, settings.logFormat))
  const mockOptions = { captureBodies: true, ...settings.mockOptions }
  if (shadow.import) {
    try {
      const { snapshot, summary } = await importLive({
        ...clientFromEnv(process.env, shadow.live),
        timeoutMs: Math.min(shadow.timeoutMs, 30_000),
        maxRequestsPerSecond: 50,
      })
      mockOptions.fixture = snapshot
      log(
        'import',
        `cse-mock read ${summary.services} services, ${summary.instances} instances from ${shadow.live} (${summary.requests} GET requests)`,
        { ...summary },
      )
    } catch (error) {
      io.err(
        `cse-mock serve: --shadow could not import ${shadow.live}: ${error instanceof Error ? error.message : String(error)}. Check the URL, or add --shadow-no-import.`,
      )
      return 1
    }
  }
  const profile = mockOptions.profile ?? 'cse'
  const other: Profile = profile === 'cse' ? 'servicecomb' : 'cse'
  const mock = await createCseMock(mockOptions)
  const twin = shadow.twin
    ? await createCseMock({ ...mockOptions, profile: other, captureBodies: 0 })
    : undefined
  const summary = createShadowSummary()
  const all: ShadowObserver[] = [summary, ...observersFor(mock)]
  if (shadow.log) all.push(createJsonLinesLog(shadow.log))
  if (process.stderr.isTTY) {
    all.push(
      createProgressLine((text) => process.stderr.write(text), {
        every: shadow.progressEvery,
        seconds: 10,
      }),
    )
  }
  const proxy = await startShadowProxy({
    live: shadow.live,
    mock,
    twin,
    observers: all,
    host: settings.host,
    port: settings.port,
    readOnly: shadow.readOnly,
    matchOwnInstance: shadow.import,
    liveTimeoutMs: shadow.timeoutMs,
    pingIntervalMs: settings.pingIntervalMs,
    onError: (error) => io.err(`cse-mock serve: shadow: ${String(error)}`),
  }).catch((error: unknown) => {
    io.err(`cse-mock serve: ${error instanceof Error ? error.message : String(error)}`)
    return undefined
  })
  if (!proxy) return 1
  const signals = watchShutdownSignals({ watchParent: startedByNpm() })
  log(
    'listening',
    `cse-mock listening on ${proxy.url}, shadowing ${shadow.live} (mock profile ${profile}${twin ? `, twin ${other}` : ''}${shadow.readOnly ? ', read-only' : ''}); mock and inspector at ${proxy.mockUrl}`,
    { url: proxy.url, live: shadow.live, profile, mock: proxy.mockUrl, readOnly: shadow.readOnly },
  )
  const reason = await signals.first
  log('stopping', `cse-mock received ${reason}, finishing the replays`, { signal: reason })
  signals.onRepeat(() => process.exit(1))
  await proxy.close()
  const result = summary.summary()
  io.err(formatSummary(result).replace(/\n$/, ''))
  if (shadow.summary) await writeFile(shadow.summary, `${JSON.stringify(result, null, 2)}\n`)
  log('stopped', `cse-mock stopped after ${result.requests} shadowed requests`, {
    requests: result.requests,
  })
  return 0
}
