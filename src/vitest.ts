import type { UnhandledFrameHandle } from 'msw'
import { type SetupServer, setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, test, vi } from 'vitest'
import { withControlHandlers } from './control/index.ts'
import type { FaultController } from './faults/controller.ts'
import type { RequestLog } from './faults/request-log.ts'
import { type CseMock, CseMockError, type CseMockOptions, createCseMock } from './mock.ts'
import type { Clock } from './registry/clock.ts'
import type { Registry } from './registry/index.ts'
import { listenAlone, probeHandler } from './shared-network.ts'

export { SHARED_NETWORK_WARNING } from './shared-network.ts'

/**
 * The origin tests send requests to when the mock answers any origin (`baseUrl: '*'`).
 * @example
 * await fetch(`${DEFAULT_TEST_BASE_URL}/v4/default/registry/version`)
 */
export const DEFAULT_TEST_BASE_URL = 'http://127.0.0.1:30100'

/**
 * Options of `useCseMock` and `createCseMockTest`: the mock's, plus msw's unhandled-request policy.
 * @example
 * const options: UseCseMockOptions = { clock: 'virtual', seed: 42, onUnhandledFrame: 'error' }
 */
export interface UseCseMockOptions extends CseMockOptions {
  /** What msw does with requests no handler takes (`'warn'` by default, `'error'`, `'bypass'`, or a callback). */
  onUnhandledFrame?: UnhandledFrameHandle
}

/**
 * A running mock in a test file; every getter reads the current mock.
 * @example
 * const cse: CseMockHandle = useCseMock()
 * it('is healthy', async () => expect((await fetch(`${cse.baseUrl}/v4/default/registry/health`)).ok).toBe(true))
 */
export interface CseMockHandle {
  readonly mock: CseMock
  readonly registry: Registry
  readonly clock: Clock
  readonly faults: FaultController
  readonly requests: RequestLog
  /** The msw server the mock is bound to, for `server.use(...)` overrides. */
  readonly server: SetupServer
  /** Origin to point clients at: `options.baseUrl`, or `http://127.0.0.1:30100` for `*`. */
  readonly baseUrl: string
  /** Moves the virtual clock and expires what is due. Throws on the system clock. */
  advance(ms: number): void
}

interface Started {
  mock: CseMock
  server: SetupServer
  /** Warns once if another msw server started listening after this one. */
  checkAlone: () => Promise<void>
}

/**
 * Starts the mock once for the test file (`beforeAll`), resets it and msw's handlers after each
 * test (`afterEach`), and closes the server at the end (`afterAll`). Call it at the top of the
 * file; read the handle inside tests and hooks.
 * @example
 * import { useCseMock } from 'cse-mock/vitest'
 *
 * const cse = useCseMock({ clock: 'virtual', seed: 42 })
 *
 * it('expires an instance that stops sending heartbeats', async () => {
 *   cse.faults.add({ action: { type: 'drop-heartbeats' } })
 *   await fetch(`${cse.baseUrl}/v4/default/registry/microservices/${id}/instances/${iid}/heartbeat`, { method: 'PUT' })
 *   cse.advance(120_000)
 *   expect(cse.requests.list({ operationId: 'heartbeat' })).toHaveLength(1)
 * })
 */
export function useCseMock(options: UseCseMockOptions = {}): CseMockHandle {
  let started: Started | undefined
  beforeAll(async () => {
    started = await startMock(options)
  })
  afterEach(async () => {
    await checkAlone(started?.checkAlone)
    started?.server.resetHandlers()
    await started?.mock.reset()
  })
  afterAll(() => {
    started?.server.close()
    started = undefined
  })
  return createHandle(() => started, options)
}

/**
 * The fixture flavour of `useCseMock`: a `test` whose `cseMock` fixture is a handle on a mock
 * started once per file (when a test first asks for it) and reset after each test that used it.
 * Call it at the top level of the file: Vitest defines file-scoped fixtures only there.
 * @example
 * import { createCseMockTest } from 'cse-mock/vitest'
 *
 * const it = createCseMockTest({ clock: 'virtual' })
 *
 * it('answers the version', async ({ cseMock }) => {
 *   const response = await fetch(`${cseMock.baseUrl}/v4/default/registry/version`)
 *   expect(response.status).toBe(200)
 * })
 */
export function createCseMockTest(options: UseCseMockOptions = {}) {
  return test.extend<{ $file: { cseMockFile: CseMockHandle }; $test: { cseMock: CseMockHandle } }>({
    cseMockFile: [
      // biome-ignore lint/correctness/noEmptyPattern: vitest reads fixture dependencies from this pattern
      async ({}, use) => {
        const started = await startMock(options)
        try {
          const handle = createHandle(() => started, options)
          aloneChecks.set(handle, started.checkAlone)
          await use(handle)
        } finally {
          started.server.close()
        }
      },
      { scope: 'file' },
    ],
    cseMock: async ({ cseMockFile }, use) => {
      try {
        await use(cseMockFile)
      } finally {
        await checkAlone(aloneChecks.get(cseMockFile))
        cseMockFile.server.resetHandlers()
        await cseMockFile.mock.reset()
      }
    },
  })
}

/** Runs the shared-network probe, unless fake timers (left on by a test) could stall its fetch. */
async function checkAlone(check: (() => Promise<void>) | undefined): Promise<void> {
  if (check && !vi.isFakeTimers()) await check()
}

/** The shared-network check of each file-scoped handle `createCseMockTest` made. */
const aloneChecks = new WeakMap<CseMockHandle, () => Promise<void>>()

async function startMock(options: UseCseMockOptions): Promise<Started> {
  const { onUnhandledFrame, ...mockOptions } = options
  const mock = await createCseMock(mockOptions)
  const server = setupServer(probeHandler, ...withControlHandlers(mock, mockOptions.baseUrl ?? '*'))
  const checkAlone = listenAlone(
    () => server.listen(onUnhandledFrame === undefined ? {} : { onUnhandledFrame }),
    'useCseMock',
  )
  return { mock, server, checkAlone }
}

function createHandle(current: () => Started | undefined, options: UseCseMockOptions) {
  const get = (): Started => {
    const started = current()
    if (!started) {
      throw new CseMockError(
        'MOCK_NOT_STARTED',
        'Failed to read the mock: it runs only while the test file runs. Read the handle inside tests and hooks, not at the top of the file.',
      )
    }
    return started
  }
  const handle: CseMockHandle = {
    get mock() {
      return get().mock
    },
    get registry() {
      return get().mock.registry
    },
    get clock() {
      return get().mock.clock
    },
    get faults() {
      return get().mock.faults
    },
    get requests() {
      return get().mock.requests
    },
    get server() {
      return get().server
    },
    get baseUrl() {
      return options.baseUrl && options.baseUrl !== '*' ? options.baseUrl : DEFAULT_TEST_BASE_URL
    },
    advance(ms) {
      get().mock.advance(ms)
    },
  }
  return handle
}
