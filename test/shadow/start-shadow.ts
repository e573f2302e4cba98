import type { CseMockOptions } from '../../src/mock.ts'
import { createCseMock } from '../../src/mock.ts'
import { importLive } from '../../src/shadow/import-live.ts'
import type { ShadowObserver, ShadowRecord } from '../../src/shadow/shadow-record.ts'
import { createShadowSummary, type ShadowSummaryObserver } from '../../src/shadow/shadow-summary.ts'
import { type ShadowProxy, startShadowProxy } from '../../src/shadow/start-shadow-proxy.ts'

/** A shadow proxy on a free loopback port in front of `live`, its records kept in memory. */
export interface TestShadow {
  proxy: ShadowProxy
  records: ShadowRecord[]
  summary: ShadowSummaryObserver
}

/**
 * Starts the proxy as `serve --shadow` does: the mock (and its twin of the other profile)
 * loaded from a read-only import of the live registry.
 */
export async function startTestShadow(
  live: string,
  options: {
    profile?: 'cse' | 'servicecomb'
    twin?: boolean
    readOnly?: boolean
    observers?: ShadowObserver[]
    liveTimeoutMs?: number
    import?: boolean
  } = {},
): Promise<TestShadow> {
  const profile = options.profile ?? 'cse'
  const base: CseMockOptions = { profile }
  if (options.import !== false) base.fixture = (await importLive({ baseUrl: live })).snapshot
  const mock = await createCseMock(base)
  const twin =
    options.twin === false
      ? undefined
      : await createCseMock({ ...base, profile: profile === 'cse' ? 'servicecomb' : 'cse' })
  const records: ShadowRecord[] = []
  const summary = createShadowSummary()
  const proxy = await startShadowProxy({
    live,
    mock,
    twin,
    port: 0,
    readOnly: options.readOnly ?? false,
    matchOwnInstance: options.import !== false,
    observers: [
      summary,
      { record: (record) => records.push(record) },
      ...(options.observers ?? []),
    ],
    ...(options.liveTimeoutMs ? { liveTimeoutMs: options.liveTimeoutMs } : {}),
    pingIntervalMs: 60_000,
  })
  return { proxy, records, summary }
}
