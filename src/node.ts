import { setupServer } from 'msw/node'
import { withControlHandlers } from './control/index.ts'
import { type CseMock, type CseMockOptions, createCseMock } from './mock.ts'
import { listenAlone } from './shared-network.ts'

export { loadSnapshotFile, saveSnapshotFile } from './seed/fixtures-node.ts'
export { SHARED_NETWORK_WARNING } from './shared-network.ts'

/** Options of `setupCseMock`: the mock's options plus what to do with unmatched requests. */
export interface SetupCseMockOptions extends CseMockOptions {
  /** msw's strategy for requests no handler takes; default `bypass`. */
  onUnhandledFrame?: 'bypass' | 'warn' | 'error'
}

/** A registry mock bound to Node's network through msw's `setupServer`. */
export interface NodeCseMock extends CseMock {
  /** The msw server; `use()` adds per-test handlers in front of the registry's. */
  readonly server: ReturnType<typeof setupServer>
  /**
   * Starts intercepting `fetch` (and other Node HTTP clients). Warns (`CSE_MOCK_SHARED_NETWORK`)
   * when another msw server already listens in this process: add handlers to `server` instead.
   */
  listen(): void
  /** Stops intercepting. */
  close(): void
}

/**
 * Creates a registry mock and wires it to msw's `setupServer`, so every `fetch` to
 * `/v4/...` in this process is answered by the mock (and `/__cse-mock/...` by its control API).
 * @example
 * const cse = await setupCseMock({ clock: 'virtual' })
 * cse.listen()
 * await fetch('http://cse.test/v4/default/registry/health')
 * cse.close()
 */
export async function setupCseMock(options: SetupCseMockOptions = {}): Promise<NodeCseMock> {
  const mock = await createCseMock(options)
  const server = setupServer(...withControlHandlers(mock, options.baseUrl))
  const onUnhandledFrame = options.onUnhandledFrame ?? 'bypass'
  return Object.assign(mock, {
    server,
    listen: () => {
      listenAlone(() => server.listen({ onUnhandledFrame }), 'setupCseMock().listen()')
    },
    close: () => server.close(),
  })
}
