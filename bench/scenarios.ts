import type { Snapshot, SnapshotService } from '../src/registry/index.ts'
import { SNAPSHOT_FORMAT } from '../src/registry/index.ts'

/** The six scenarios of Service Center's own benchmark (`benchmark/README.md`, k6, 10 VUs). */
export type ScenarioId =
  | 'registerGrowing'
  | 'registerSame'
  | 'heartbeat'
  | 'findOne'
  | 'find100'
  | 'find1000'

/**
 * One scenario: its label and Service Center's published throughput (k6, 10 VUs, external
 * etcd, 2 cores), which the report only quotes as a footnote: compare side by side instead.
 */
export interface Scenario {
  id: ScenarioId
  label: string
  publishedScPerSecond: number
}

/** In the order of Service Center's table. */
export const SCENARIOS: readonly Scenario[] = [
  { id: 'registerGrowing', label: 'register growing instance', publishedScPerSecond: 699 },
  { id: 'registerSame', label: 'register same instance', publishedScPerSecond: 5_069 },
  { id: 'heartbeat', label: 'heartbeat one instance', publishedScPerSecond: 7_068 },
  { id: 'findOne', label: 'find one instance', publishedScPerSecond: 7_577 },
  { id: 'find100', label: 'find 100 instances', publishedScPerSecond: 3_242 },
  { id: 'find1000', label: 'find 1000 instances', publishedScPerSecond: 544 },
]

/** The app every benchmark service belongs to. */
export const APP_ID = 'bench'
/** The `cse` profile stores an absent environment as `development` and discovers in it. */
const ENVIRONMENT = 'development'
/** The version of every benchmark service. */
export const VERSION = '1.0.0'
/** Leases long enough that nothing expires while a full run is under way. */
const HEALTH_CHECK = { mode: 'push', interval: 3600, times: 3 } as const
const EPOCH = '1767225600'

/** The services of the benchmark snapshot, by what they are used for. */
export const SERVICES = {
  findOne: { serviceId: 'bench0000000000000000000000000000000001', name: 'find-one', size: 1 },
  find100: { serviceId: 'bench0000000000000000000000000000000100', name: 'find-100', size: 100 },
  find1000: { serviceId: 'bench0000000000000000000000000000001000', name: 'find-1000', size: 1000 },
  heartbeat: { serviceId: 'bench00000000000000000000000000000000hb', name: 'heartbeat', size: 1 },
  registerSame: { serviceId: 'bench00000000000000000000000000000same', name: 'same', size: 1 },
  registerGrowing: { serviceId: 'bench00000000000000000000000000000grow', name: 'grow', size: 0 },
} as const

/** The first instance of a service in the benchmark snapshot, e.g. the one heartbeats renew. */
export function firstInstanceId(serviceId: string): string {
  return instanceIdOf(serviceId, 0)
}

/**
 * The registry the benchmark runs against: one service per scenario, with 1, 100 and 1000
 * instances for discovery.
 */
export function createBenchSnapshot(): Snapshot {
  let address = 0
  const services: SnapshotService[] = Object.values(SERVICES).map((spec) => ({
    service: {
      serviceId: spec.serviceId,
      environment: ENVIRONMENT,
      appId: APP_ID,
      serviceName: spec.name,
      version: VERSION,
      level: 'BACK',
      status: 'UP',
      timestamp: EPOCH,
      modTimestamp: EPOCH,
    },
    instances: Array.from({ length: spec.size }, (_, i) => {
      address += 1
      return {
        ...benchInstance(spec.serviceId, i, address),
        timestamp: EPOCH,
        modTimestamp: EPOCH,
      }
    }),
  }))
  return {
    format: SNAPSHOT_FORMAT,
    description: 'cse-mock benchmark registry',
    tenants: [{ domain: 'default', project: 'default', services, dependencies: [] }],
  }
}

/**
 * The `instance` body of a registration: a host name and endpoint derived from `n`, so every
 * `n` is a new instance (the `cse` profile answers a reused endpoint with the existing one).
 */
export function registrationBody(n: number, instanceId?: string): { instance: InstanceBody } {
  // The shape Service Center's own benchmark registers, with a health check and one endpoint.
  const instance: InstanceBody = {
    hostName: `bench-host-${n}`,
    endpoints: [`rest://${ipOf(n)}:8080`],
    status: 'UP',
    healthCheck: { ...HEALTH_CHECK },
    dataCenterInfo: { name: 'beijing', region: 'beijing', availableZone: 'az1' },
  }
  if (instanceId) instance.instanceId = instanceId
  return { instance }
}

/** The instance id `registerSame` re-registers, present in the snapshot. */
export const SAME_INSTANCE_ID = firstInstanceId(SERVICES.registerSame.serviceId)

/** What a registration sends for one instance. */
export interface InstanceBody {
  instanceId?: string
  hostName: string
  endpoints: string[]
  status: 'UP'
  healthCheck: { mode: 'push'; interval: number; times: number }
  dataCenterInfo: { name: string; region: string; availableZone: string }
}

/** The URL path (and query) of each scenario's request, relative to the server's origin. */
export const PATHS = {
  registerInstances: (serviceId: string) =>
    `/v4/default/registry/microservices/${serviceId}/instances`,
  heartbeat: (serviceId: string, instanceId: string) =>
    `/v4/default/registry/microservices/${serviceId}/instances/${instanceId}/heartbeat`,
  instance: (serviceId: string, instanceId: string) =>
    `/v4/default/registry/microservices/${serviceId}/instances/${instanceId}`,
  find: (serviceName: string) =>
    `/v4/default/registry/instances?appId=${APP_ID}&serviceName=${serviceName}&version=latest`,
}

/** A request as both the load generator and `fetch` can send it. */
export interface BenchRequest {
  method: 'GET' | 'POST' | 'PUT'
  path: string
  body?: string
}

const JSON_HEADERS = { 'content-type': 'application/json' }

/** Headers for a request that may carry a JSON body. */
export function headersOf(request: BenchRequest): Record<string, string> {
  return request.body === undefined ? {} : JSON_HEADERS
}

/**
 * The request of scenario `id`; `n` numbers the requests, so registrations of a growing
 * registry get a new host and endpoint each time.
 */
export function requestOf(id: ScenarioId, n = 0): BenchRequest {
  switch (id) {
    case 'registerGrowing':
      return {
        method: 'POST',
        path: PATHS.registerInstances(SERVICES.registerGrowing.serviceId),
        body: JSON.stringify(registrationBody(1_000_000 + n)),
      }
    case 'registerSame':
      return {
        method: 'POST',
        path: PATHS.registerInstances(SERVICES.registerSame.serviceId),
        body: SAME_BODY,
      }
    case 'heartbeat':
      return {
        method: 'PUT',
        path: PATHS.heartbeat(
          SERVICES.heartbeat.serviceId,
          firstInstanceId(SERVICES.heartbeat.serviceId),
        ),
      }
    case 'findOne':
      return { method: 'GET', path: PATHS.find(SERVICES.findOne.name) }
    case 'find100':
      return { method: 'GET', path: PATHS.find(SERVICES.find100.name) }
    case 'find1000':
      return { method: 'GET', path: PATHS.find(SERVICES.find1000.name) }
  }
}

/** Instances each discovery scenario must return; checked before a scenario is measured. */
export const EXPECTED_INSTANCES: Partial<Record<ScenarioId, number>> = {
  findOne: SERVICES.findOne.size,
  find100: SERVICES.find100.size,
  find1000: SERVICES.find1000.size,
}

const SAME_BODY = JSON.stringify(registrationBody(0, SAME_INSTANCE_ID))

/**
 * Instance `index` of a benchmark service, with its own id, host name and endpoint (`address`
 * numbers the endpoints over the whole registry).
 */
export function benchInstance(serviceId: string, index: number, address: number): InstanceBody {
  const name = Object.values(SERVICES).find((spec) => spec.serviceId === serviceId)?.name
  return {
    ...registrationBody(address, instanceIdOf(serviceId, index)).instance,
    hostName: `${name ?? serviceId}-${index}`,
  }
}

/**
 * The growing registration as a template for the load generator: `%d` the request counter
 * (host name), then `%d.%d.%d` its three low bytes (endpoint), as `registrationBody(n)` does.
 */
export const GROWING_TEMPLATE = JSON.stringify(registrationBody(0))
  .replace('bench-host-0', 'bench-host-%d')
  .replace('10.0.0.0', '10.%d.%d.%d')

function instanceIdOf(serviceId: string, index: number): string {
  return `${serviceId.slice(-8)}${String(index).padStart(24, '0')}`
}

function ipOf(n: number): string {
  return `10.${(n >>> 16) & 0xff}.${(n >>> 8) & 0xff}.${n & 0xff}`
}
