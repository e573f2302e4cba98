import { randomBytes } from 'node:crypto'
import { setupServer } from 'msw/node'
import { createCseMock } from '../../mock.ts'
import type { Profile } from '../../registry/index.ts'
import type { ContractTarget } from './target.ts'

/**
 * Origin the in-process mock answers on; requests never leave the process.
 * @example
 * await fetch(`${MOCK_ORIGIN}/v4/default/registry/version`) // answered by msw while the target is set up
 */
export const MOCK_ORIGIN = 'http://cse-mock.contract.test'

/**
 * Sets up the in-process mock behind msw's `setupServer`, so the suite's `fetch` calls are
 * answered inside this process. Anything not addressed to the mock is refused. Unless `auth`
 * is false the mock requires a login, and the target's client options carry it.
 * @example
 * const target = await setupMockTarget({ profile: 'servicecomb' })
 * try { … } finally { await target.close() }
 */
export async function setupMockTarget(
  options: { profile?: Profile; auth?: boolean } = {},
): Promise<ContractTarget> {
  // With auth on, the run logs in like on an engine with security authentication, so the
  // token exchange and bearer tokens are exercised too.
  const auth = options.auth ?? true
  const login = { user: 'contract', password: `Pw-${randomBytes(6).toString('hex')}!` }
  const mock = await createCseMock({
    ...(options.profile ? { profile: options.profile } : {}),
    ...(auth ? { accounts: { [login.user]: login.password } } : {}),
    baseUrl: MOCK_ORIGIN,
  })
  const server = setupServer(...mock.handlers)
  server.listen({ onUnhandledFrame: 'error' })
  let closed = false
  return {
    kind: 'mock',
    client: auth ? { baseUrl: MOCK_ORIGIN, ...login } : { baseUrl: MOCK_ORIGIN },
    // msw intercepts HTTP here; the mock's websocket endpoints need the standalone server.
    websockets: false,
    description: `in-process mock (profile ${mock.registry.profile})`,
    async close() {
      if (closed) return
      closed = true
      server.close()
    },
  }
}
