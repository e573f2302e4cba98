import { type SetupWorker, type StartOptions, setupWorker } from 'msw/browser'
import { withControlHandlers } from './control/index.ts'
import { type CseMock, type CseMockOptions, createCseMock } from './mock.ts'

/** Options of {@link setupCseMockWorker}: the mock's own options plus how to start the worker. */
export interface CseMockWorkerOptions extends CseMockOptions {
  /** Where the page finds `mockServiceWorker.js`; default `/mockServiceWorker.js`. */
  serviceWorkerUrl?: string
  /** Keeps MSW from logging every mocked request to the console. */
  quiet?: boolean
  /** What to do with requests no handler answers; default `bypass`, the app's own assets pass. */
  onUnhandledFrame?: StartOptions['onUnhandledFrame']
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
  const { serviceWorkerUrl, quiet, onUnhandledFrame, ...mockOptions } = options
  const mock = await createCseMock(mockOptions)
  // The control API (`/__cse-mock/...`) answers first, as in every other environment.
  const worker = setupWorker(...withControlHandlers(mock, mockOptions.baseUrl))
  const startOptions: StartOptions = {
    onUnhandledFrame: onUnhandledFrame ?? 'bypass',
    ...(serviceWorkerUrl === undefined ? {} : { serviceWorker: { url: serviceWorkerUrl } }),
    ...(quiet === undefined ? {} : { quiet }),
  }
  let started: Promise<void> | undefined

  return {
    worker,
    mock,
    start() {
      started ??= worker.start(startOptions).then(
        () => undefined,
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
      await worker.stop()
    },
  }
}
