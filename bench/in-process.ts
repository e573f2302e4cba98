import { getResponse, HttpResponse, http, type RequestHandler } from 'msw'
import { setupServer } from 'msw/node'
import { withControlHandlers } from '../src/control/index.ts'
import { setupCseMock } from '../src/node.ts'
import { createRegistry, type Registry, type RequestContext } from '../src/registry/index.ts'
import { median, type Operation, timeRound } from './loop.ts'
import {
  APP_ID,
  type BenchRequest,
  createBenchSnapshot,
  firstInstanceId,
  headersOf,
  registrationBody,
  requestOf,
  SAME_INSTANCE_ID,
  SCENARIOS,
  type Scenario,
  type ScenarioId,
  SERVICES,
} from './scenarios.ts'
import type { BenchSettings } from './settings.ts'

/** One scenario in process: cost per call (µs) at each layer. */
export interface InProcessRow extends Scenario {
  /** `fetch` intercepted by `setupCseMock` (msw's `setupServer`). */
  mswMicros: number
  /** Over the constant msw handler behind the same `fetch`: 1.25 = the mock adds 25 %. */
  mswOfFloor: number
  /** `mock.fetch`: the mock's own fetch, no interception. */
  mockFetchMicros: number
  /** Intercepted `fetch` over `mock.fetch`: how much the direct way saves. */
  mswOfMockFetch: number
  /** `getResponse(handlers, request)`: the handlers without msw's network interception. */
  getResponseMicros: number
  getResponseOfFloor: number
  /** The registry's own method, no HTTP at all. */
  registryMicros: number
}

/** The in-process part: msw interception, `getResponse` and the registry API. */
export interface InProcessPart {
  /** A handler that answers a constant JSON body (the find-one answer), by layer. */
  floor: { mswMicros: number; getResponseMicros: number }
  rows: InProcessRow[]
}

const ORIGIN = 'http://cse.bench'
const FLOOR_URL = 'http://floor.bench/v4/default/registry/instances'
const CTX: RequestContext = { domain: 'default', project: 'default' }

interface Case {
  key: string
  op: Operation
}

interface Group {
  before?: () => void
  after?: () => void
  cases: Case[]
}

/**
 * Measures every scenario at three layers. Rounds interleave the layers (floor, mock, floor,
 * mock, …), so a burst of load from another process hits both sides of a ratio alike.
 */
export async function runInProcessPart(settings: BenchSettings): Promise<InProcessPart> {
  const cse = await setupCseMock({ fixture: createBenchSnapshot() })
  const handlers = withControlHandlers(cse)
  const floorBody = await findOneBody(handlers)
  const floorHandler = http.get(FLOOR_URL, () => HttpResponse.json(floorBody))
  const floorServer = setupServer(floorHandler)
  const registry = createRegistry()
  await registry.restore(createBenchSnapshot())

  const groups: Group[] = [
    {
      before: () => floorServer.listen({ onUnhandledFrame: 'error' }),
      after: () => floorServer.close(),
      cases: [{ key: 'msw:floor', op: viaFetch(() => ({ method: 'GET', path: '' }), FLOOR_URL) }],
    },
    {
      before: () => cse.server.listen({ onUnhandledFrame: 'error' }),
      after: () => cse.server.close(),
      cases: SCENARIOS.map(({ id }) => ({ key: `msw:${id}`, op: viaFetch(sequence(id)) })),
    },
    {
      cases: SCENARIOS.map(({ id }) => ({
        key: `mockFetch:${id}`,
        op: viaFetch(sequence(id), undefined, cse.fetch),
      })),
    },
    {
      cases: [
        { key: 'getResponse:floor', op: viaGetResponse([floorHandler], () => floorRequest()) },
        ...SCENARIOS.map(({ id }) => ({
          key: `getResponse:${id}`,
          op: viaGetResponse(handlers, sequence(id)),
        })),
      ],
    },
    {
      cases: SCENARIOS.map(({ id }) => ({ key: `registry:${id}`, op: viaRegistry(registry, id) })),
    },
  ]
  // Growing registrations stay in the registry: measured last, so the heap they add does not
  // make every later round's garbage collections longer.
  const samples = new Map<string, number[]>()
  await interleave(groups, settings, samples, (key) => !growing(key))
  await interleave(groups, settings, samples, (key) => growing(key) || key.endsWith(':floor'))
  const at = (key: string) => median(samples.get(key) ?? [])
  const floor = { mswMicros: at('msw:floor'), getResponseMicros: at('getResponse:floor') }
  return {
    floor,
    rows: SCENARIOS.map((scenario) => ({
      ...scenario,
      mswMicros: at(`msw:${scenario.id}`),
      mswOfFloor: at(`msw:${scenario.id}`) / floor.mswMicros,
      mockFetchMicros: at(`mockFetch:${scenario.id}`),
      mswOfMockFetch: at(`msw:${scenario.id}`) / at(`mockFetch:${scenario.id}`),
      getResponseMicros: at(`getResponse:${scenario.id}`),
      getResponseOfFloor: at(`getResponse:${scenario.id}`) / floor.getResponseMicros,
      registryMicros: at(`registry:${scenario.id}`),
    })),
  }
}

/**
 * Growing registrations per round and layer: they all stay, and the registry API adds a few
 * microseconds' worth each, so without a cap the rounds would pass the instance quota (150,000).
 */
const GROWING_MAX_OPS = 12_000

const growing = (key: string) => key.endsWith(':registerGrowing')

async function interleave(
  groups: Group[],
  settings: BenchSettings,
  samples: Map<string, number[]>,
  include: (key: string) => boolean,
): Promise<void> {
  const { rounds, roundMs, maxOps } = settings.loop
  // Round 0 warms up every path and is not kept.
  for (let round = 0; round <= rounds; round++) {
    for (const group of groups) {
      const cases = group.cases.filter(({ key }) => include(key))
      if (cases.length === 0) continue
      group.before?.()
      try {
        for (const { key, op } of cases) {
          // Each round starts from a collected heap, so no case pays for another's garbage.
          await collectGarbage()
          const limit = growing(key) ? Math.min(maxOps, GROWING_MAX_OPS) : maxOps
          const micros = await timeRound(op, { roundMs, maxOps: limit })
          if (round > 0) samples.set(key, [...(samples.get(key) ?? []), micros])
        }
      } finally {
        group.after?.()
      }
    }
  }
}

/** Collects, lets the finalizers that the collection queued run, and collects what they freed. */
async function collectGarbage(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc
  if (!gc) return
  gc()
  await new Promise((resolve) => setTimeout(resolve, 0))
  gc()
}

/** The requests of a scenario, numbered so that growing registrations never repeat. */
function sequence(id: ScenarioId): () => BenchRequest {
  let n = 0
  return () => requestOf(id, n++)
}

/** `send` defaults to the global `fetch` as it is at call time: msw replaces it on `listen()`. */
function viaFetch(
  next: () => BenchRequest,
  url?: string,
  send: typeof fetch = (input, init) => fetch(input, init),
): Operation {
  return async () => {
    const request = next()
    const response = await send(url ?? `${ORIGIN}${request.path}`, toInit(request))
    await response.arrayBuffer()
    if (!response.ok) throw new Error(`${request.method} ${request.path}: ${response.status}`)
  }
}

function viaGetResponse(handlers: RequestHandler[], next: () => BenchRequest | Request): Operation {
  return async () => {
    const request = next()
    const fetchRequest =
      request instanceof Request
        ? request
        : new Request(`${ORIGIN}${request.path}`, toInit(request))
    const response = await getResponse(handlers, fetchRequest)
    await response?.arrayBuffer()
    if (!response?.ok) throw new Error(`${fetchRequest.method} ${fetchRequest.url}: no 2xx answer`)
  }
}

function viaRegistry(registry: Registry, id: ScenarioId): Operation {
  let n = 0
  switch (id) {
    case 'registerGrowing':
      return () =>
        registry.registerInstance(
          CTX,
          SERVICES.registerGrowing.serviceId,
          registrationBody(3_000_000 + n++).instance,
        )
    case 'registerSame': {
      const body = registrationBody(0, SAME_INSTANCE_ID).instance
      return () => registry.registerInstance(CTX, SERVICES.registerSame.serviceId, body)
    }
    case 'heartbeat': {
      const { serviceId } = SERVICES.heartbeat
      const instanceId = firstInstanceId(serviceId)
      return () => registry.heartbeat(CTX, serviceId, instanceId)
    }
    case 'findOne':
    case 'find100':
    case 'find1000': {
      const serviceName = SERVICES[id].name
      return () => registry.findInstances(CTX, { appId: APP_ID, serviceName, version: 'latest' })
    }
  }
}

function toInit(request: BenchRequest): RequestInit {
  return {
    method: request.method,
    headers: headersOf(request),
    ...(request.body === undefined ? {} : { body: request.body }),
  }
}

function floorRequest(): Request {
  return new Request(FLOOR_URL)
}

/** The floor answers exactly what find-one answers, so both serialise the same JSON. */
async function findOneBody(handlers: RequestHandler[]): Promise<Record<string, unknown>> {
  const response = await getResponse(
    handlers,
    new Request(`${ORIGIN}${requestOf('findOne', 0).path}`),
  )
  if (!response?.ok) throw new Error('Failed to read the find-one answer for the msw floor')
  return (await response.json()) as Record<string, unknown>
}
