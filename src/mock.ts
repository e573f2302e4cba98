import type { HttpHandler } from 'msw'
import { createFaultController, type FaultController } from './faults/controller.ts'
import { createRequestLog, type RequestLog } from './faults/request-log.ts'
import { createAuthInterceptor } from './http/auth.ts'
import { createHttpHandlers } from './http/handlers.ts'
import { createMockFetch } from './mock-fetch.ts'
import { type Clock, createSystemClock, createVirtualClock } from './registry/clock.ts'
import { createRegistry, type Profile, type Registry } from './registry/index.ts'
import type { RbacOptions } from './registry/rbac/index.ts'
import type { Snapshot } from './registry/snapshot.ts'
import type { SeedOptions } from './seed/options.ts'
import { createSpecValidator } from './spec/validators.ts'

/** Options shared by every environment (`cse-mock/node`, `/browser`, `/server`, `/vitest`). */
export interface CseMockOptions {
  /** `cse` (Huawei's CSE docs, default) or `servicecomb` (Service Center 2.1+). */
  profile?: Profile
  /** `virtual` gives a clock that only moves with `advance(ms)`; default: the real clock. */
  clock?: 'system' | 'virtual' | Clock
  /** Seeds the registry with faker data: a seed number or seed options. */
  seed?: number | Partial<SeedOptions>
  /** Starts from this snapshot (wins over `seed`). */
  fixture?: Snapshot
  /** Origin the handlers answer for, e.g. `http://127.0.0.1:30100`; default `*`, any origin. */
  baseUrl?: string
  /** Admin accounts (name → password) for `POST /v4/token`; switches RBAC on. */
  accounts?: Record<string, string>
  /**
   * Service Center's RBAC: `true`, or the `root` password and the RSA key pair (PEM) tokens are
   * signed with. Registry calls then need `Authorization: Bearer <token>` and a role that
   * allows them.
   */
  rbac?: boolean | RbacOptions
  /**
   * Keep each logged call's headers and bodies for the inspector: `true` keeps 16 KiB of each
   * body, a number that many characters. Default off (on in `cse-mock serve`).
   */
  captureBodies?: boolean | number
}

/** A registry mock: its state, its controls and its MSW handlers. */
export interface CseMock {
  readonly registry: Registry
  readonly clock: Clock
  readonly faults: FaultController
  readonly requests: RequestLog
  /** MSW handlers to pass to `setupServer`, `setupWorker` or `getResponse`. */
  readonly handlers: HttpHandler[]
  /**
   * A `fetch` answered by this mock without network interception, for code that takes a
   * `fetch` (openapi-fetch, the contract client): over 10 × less CPU per call than a `fetch`
   * intercepted by MSW. Same answers, faults and request log; nothing else in the process is
   * affected, and no `listen()` is needed.
   */
  readonly fetch: typeof fetch
  /** Moves the virtual clock and expires what is due. Throws on the system clock. */
  advance(ms: number): void
  /** Back to the starting state (fixture, seed or empty); clears faults and the request log. */
  reset(): Promise<void>
  snapshot(): Snapshot
  restore(snapshot: Snapshot): Promise<void>
  /** Replaces the registry's content with freshly seeded data. */
  seed(options: number | Partial<SeedOptions>): Promise<void>
  setProfile(profile: Profile): void
}

/** Misuse of a mock: the message says what failed and what to do. */
export class CseMockError extends Error {
  readonly code: string
  constructor(code: string, message: string) {
    super(message)
    this.name = 'CseMockError'
    this.code = code
  }
}

/**
 * Creates a registry mock with its handlers, ready to be bound to an environment.
 * @example
 * const mock = await createCseMock({ clock: 'virtual', seed: 42 })
 * const server = setupServer(...mock.handlers)
 */
export async function createCseMock(options: CseMockOptions = {}): Promise<CseMock> {
  const clock = resolveClock(options.clock)
  const registry = createRegistry({
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.accounts ? { accounts: options.accounts } : {}),
    ...(options.rbac ? { rbac: options.rbac } : {}),
    clock,
  })
  await registry.rbac?.ready
  const startProfile = registry.profile
  const faults = createFaultController({ registry })
  const { captureBodies = false } = options
  const requests = createRequestLog({
    capture: captureBodies !== false,
    ...(typeof captureBodies === 'number' ? { maxBodyBytes: captureBodies } : {}),
  })
  const handlers = createHttpHandlers({
    registry,
    validator: createSpecValidator(),
    baseUrl: options.baseUrl ?? '*',
    interceptors: [requests.interceptor, createAuthInterceptor(registry), faults.interceptor],
  })
  const initial = async (): Promise<Snapshot | undefined> =>
    options.fixture ??
    (options.seed === undefined ? undefined : await seedSnapshot(options.seed, registry))

  const mock: CseMock = {
    registry,
    clock,
    faults,
    requests,
    handlers,
    fetch: createMockFetch(() => mock, options.baseUrl),
    advance(ms) {
      if (!('advance' in clock) || typeof clock.advance !== 'function') {
        throw new CseMockError(
          'CLOCK_NOT_VIRTUAL',
          "Failed to advance the clock: the mock runs on the system clock. Create it with { clock: 'virtual' }.",
        )
      }
      clock.advance(ms)
      registry.sweep()
    },
    async reset() {
      faults.clear()
      requests.clear()
      registry.setProfile(startProfile)
      const start = await initial()
      await registry.rbac?.reset()
      if (start) await registry.restore(start)
      else registry.reset()
      await registry.rbac?.ready
    },
    snapshot: () => registry.snapshot(),
    restore: (snapshot) => registry.restore(snapshot),
    seed: async (seed) => registry.restore(await seedSnapshot(seed, registry)),
    setProfile: (profile) => registry.setProfile(profile),
  }
  const start = await initial()
  if (start) await registry.restore(start)
  return mock
}

function resolveClock(clock: CseMockOptions['clock']): Clock {
  if (clock === 'virtual') return createVirtualClock(Date.now())
  if (clock === undefined || clock === 'system') return createSystemClock()
  return clock
}

/**
 * faker (and the seed code around it) is loaded on the first seeding: most mocks never seed.
 * Seeded services get the environment the registry gives a service registered without one
 * (`development` in the cse profile, `''` in servicecomb), so a discovery without `env` finds
 * them, as it would find the same services registered through the API.
 */
async function seedSnapshot(
  seed: number | Partial<SeedOptions>,
  registry: Registry,
): Promise<Snapshot> {
  const { createSeedSnapshot } = await import('./seed/create-seed-snapshot.ts')
  const options = typeof seed === 'number' ? { seed } : seed
  return createSeedSnapshot({
    ...options,
    environment: options.environment || registry.rules.defaultEnvironment,
  } as Partial<SeedOptions>)
}
