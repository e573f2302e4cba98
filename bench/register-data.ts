import {
  APP_ID,
  benchInstance,
  EXPECTED_INSTANCES,
  headersOf,
  requestOf,
  type ScenarioId,
  SERVICES,
  VERSION,
} from './scenarios.ts'

const MICROSERVICES = '/v4/default/registry/microservices'
/** Registrations in flight at once while loading a registry. */
const PARALLEL = 8

type ServiceKey = keyof typeof SERVICES

/**
 * Registers the benchmark data through the registry API, as any client would, so the mock and
 * any other registry hold the same services and instances: one service per scenario, 1, 100
 * and 1000 instances for discovery (1,103 instances in all). Services left by an earlier run
 * are deleted first.
 * @example
 * await registerBenchData('http://127.0.0.1:30100')
 */
export async function registerBenchData(origin: string): Promise<void> {
  await removeBenchData(origin)
  let address = 0
  for (const key of Object.keys(SERVICES) as ServiceKey[]) {
    const spec = SERVICES[key]
    await createService(origin, key)
    const bodies = Array.from({ length: spec.size }, (_, i) => {
      address += 1
      return JSON.stringify({ instance: benchInstance(spec.serviceId, i, address) })
    })
    for (let i = 0; i < bodies.length; i += PARALLEL) {
      await Promise.all(
        bodies
          .slice(i, i + PARALLEL)
          .map((body) =>
            call(origin, 'POST', `${MICROSERVICES}/${spec.serviceId}/instances`, body),
          ),
      )
    }
  }
}

/** Deletes the benchmark services and their instances (`force=1`); absent ones are skipped. */
export async function removeBenchData(origin: string): Promise<void> {
  for (const key of Object.keys(SERVICES) as ServiceKey[]) await deleteService(origin, key)
}

/** Replaces the growing registration's service by an empty one, before each growing run. */
export async function renewGrowingService(origin: string): Promise<void> {
  await deleteService(origin, 'registerGrowing')
  await createService(origin, 'registerGrowing')
}

/** How long a registry may take to show new instances in discovery (Service Center caches). */
const SETTLE_MS = 30_000

/**
 * One request per scenario before any load: a wrong setup must fail, not be measured. A
 * discovery is repeated until it finds every instance: Service Center answers from a cache that
 * catches up with new registrations within about a second.
 */
export async function checkScenario(origin: string, id: ScenarioId): Promise<void> {
  const request = requestOf(id)
  const deadline = performance.now() + SETTLE_MS
  for (;;) {
    const text = await call(origin, request.method, request.path, request.body)
    const expected = EXPECTED_INSTANCES[id]
    if (expected === undefined) return
    const found = (JSON.parse(text) as { instances?: unknown[] }).instances?.length ?? 0
    if (found === expected) return
    if (performance.now() > deadline) {
      throw new Error(
        `Failed to check scenario ${id} on ${origin}: found ${found} instances, expected ${expected}.`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

async function createService(origin: string, key: ServiceKey): Promise<void> {
  const { serviceId, name } = SERVICES[key]
  // No environment: every registry then files and discovers the service in its default one.
  const service = { serviceId, appId: APP_ID, serviceName: name, version: VERSION, level: 'BACK' }
  const text = await call(origin, 'POST', MICROSERVICES, JSON.stringify({ service }))
  const created = (JSON.parse(text) as { serviceId?: string }).serviceId
  if (created !== serviceId) {
    throw new Error(
      `Failed to register the benchmark service ${name} on ${origin}: it was filed as ${created}, not ${serviceId}.`,
    )
  }
}

async function deleteService(origin: string, key: ServiceKey): Promise<void> {
  const path = `${MICROSERVICES}/${SERVICES[key].serviceId}?force=1`
  const response = await fetch(`${origin}${path}`, { method: 'DELETE' })
  const text = await response.text()
  // 400012: the service does not exist (yet).
  if (!response.ok && !text.includes('400012')) {
    throw new Error(`Failed to delete ${path} on ${origin}: ${response.status} ${text}`)
  }
}

async function call(origin: string, method: string, path: string, body?: string): Promise<string> {
  const response = await fetch(`${origin}${path}`, {
    method,
    headers: headersOf({ method: 'GET', path, ...(body === undefined ? {} : { body }) }),
    ...(body === undefined ? {} : { body }),
  })
  const text = await response.text()
  if (!response.ok) {
    throw new Error(
      `Failed to ${method} ${path} on ${origin}: ${response.status} ${text.slice(0, 300)}`,
    )
  }
  return text
}
