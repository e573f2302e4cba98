import { type SetupWorker, type StartOptions, setupWorker } from 'msw/browser'
import { createMockInspectorClient, withControlHandlers } from './control/index.ts'
import type {
  InspectorPanel,
  InspectorPanelModule,
  InspectorPanelOptions,
} from './control/inspector-panel.ts'
import { type CseMock, type CseMockOptions, createCseMock } from './mock.ts'

export type { InspectorClient } from './control/inspector-client.ts'
export type { InspectorPanel, InspectorPanelOptions } from './control/inspector-panel.ts'

/** Options of {@link setupCseMockWorker}: the mock's own options plus how to start the worker. */
export interface CseMockWorkerOptions extends CseMockOptions {
  /** Where the page finds `mockServiceWorker.js`; default `/mockServiceWorker.js`. */
  serviceWorkerUrl?: string
  /** Keeps MSW from logging every mocked request to the console. */
  quiet?: boolean
  /** What to do with requests no handler answers; default `bypass`, the app's own assets pass. */
  onUnhandledFrame?: StartOptions['onUnhandledFrame']
  /**
   * Mounts the inspector as a collapsible panel once the worker runs (`{ open: true }` opens
   * it at once). It is loaded on demand, so pages that leave it off never download it.
   */
  inspector?: boolean | { open?: boolean }
}

/** A registry mock bound to the page's service worker. */
export interface CseMockWorker {
  /** The MSW worker, for `use()`, `events` and the like. */
  readonly worker: SetupWorker
  /** The registry mock: state, clock, faults, request log. */
  readonly mock: CseMock
  /** Registers and activates the service worker; resolves once the page's requests go through it. */
  start(): Promise<void>
  /** Stops answering this page's requests; the worker stays registered for the next `start()`. */
  stop(): Promise<void>
  /** The embedded inspector, once `start()` mounted it (with `inspector` set). */
  readonly inspector: InspectorPanel | undefined
}

/**
 * Creates a registry mock and binds it to a browser service worker (not started yet).
 * @example
 * const { mock, start } = await setupCseMockWorker({ seed: 42, quiet: true })
 * await start()
 * mock.faults.add({ match: { operationId: 'findInstances' }, action: { type: 'status', status: 503 }, times: 1 })
 */
export async function setupCseMockWorker(
  options: CseMockWorkerOptions = {},
): Promise<CseMockWorker> {
  const { serviceWorkerUrl, quiet, onUnhandledFrame, inspector, ...mockOptions } = options
  // The inspector shows headers and bodies; without it, capture stays off unless asked.
  const mock = await createCseMock({ captureBodies: Boolean(inspector), ...mockOptions })
  // The control API (`/__cse-mock/...`) answers first, as in every other environment.
  const worker = setupWorker(...withControlHandlers(mock, mockOptions.baseUrl))
  const startOptions: StartOptions = {
    onUnhandledFrame: onUnhandledFrame ?? 'bypass',
    ...(serviceWorkerUrl === undefined ? {} : { serviceWorker: { url: serviceWorkerUrl } }),
    ...(quiet === undefined ? {} : { quiet }),
  }
  let started: Promise<void> | undefined
  let panel: InspectorPanel | undefined

  return {
    worker,
    mock,
    get inspector() {
      return panel
    },
    start() {
      started ??= worker.start(startOptions).then(
        async () => {
          if (!inspector || panel) return
          panel = await mountCseMockInspector(mock, inspector === true ? {} : inspector)
        },
        (error: unknown) => {
          started = undefined
          throw error
        },
      )
      return started
    },
    async stop() {
      if (!started) return
      await started
      started = undefined
      panel?.unmount()
      panel = undefined
      await worker.stop()
    },
  }
}

/**
 * Mounts the inspector for a mock running in this page, as a collapsible panel in a shadow
 * root; for pages that build their mock some other way than `setupCseMockWorker`.
 * @example
 * const mock = await createCseMock({ seed: 42, captureBodies: true })
 * const panel = await mountCseMockInspector(mock, { open: true })
 */
export async function mountCseMockInspector(
  mock: CseMock,
  options: InspectorPanelOptions = {},
): Promise<InspectorPanel> {
  // The prebuilt bundle (npm run build:inspector), fetched only when asked for. It has no
  // declarations of its own: `InspectorPanelModule` says what it exports.
  // @ts-expect-error TS7016/TS2307: a built JavaScript module without a .d.ts.
  const bundle: InspectorPanelModule = await import('../dist/inspector/panel.js')
  return bundle.mountInspectorPanel(createMockInspectorClient(mock), options)
}
