import { RegistryError } from '../registry/errors.ts'
import type { Registry, RequestContext } from '../registry/index.ts'
import { METHOD_VERBS, type ResourceScope, resourceOf } from '../registry/rbac/index.ts'

const SERVICE = '/v4/:project/registry/microservices/:serviceId'
const SERVICES = '/v4/:project/registry/microservices'
const INSTANCES = '/v4/:project/registry/instances'

/** What the scope of a call is read from. */
export interface ScopeRequest {
  method: string
  /** The route pattern, e.g. `/v4/:project/registry/microservices/:serviceId`. */
  pattern: string
  params: Record<string, string>
  query: URLSearchParams
  header(name: string): string | null
  /** The decoded JSON body (`undefined` when none). */
  body(): Promise<unknown>
  ctx: RequestContext
}

type Parse = (request: ScopeRequest, registry: Registry, type: string) => Promise<ResourceScope>

/**
 * Service Center's request parsers by API prefix: which services (by their `environment`,
 * `appId` and `serviceName`) a call touches. The longest prefix wins; no prefix applies to
 * all services.
 */
const PARSERS: readonly (readonly [string, Parse])[] = [
  [SERVICE, (r, reg, type) => byServiceId(r, reg, type, r.params.serviceId)],
  [
    '/v4/:project/govern/microservices/:serviceId',
    (r, reg, type) => byServiceId(r, reg, type, r.params.serviceId),
  ],
  [
    `${SERVICES}/:providerId/consumers`,
    (r, reg, type) => byServiceId(r, reg, type, r.params.providerId),
  ],
  [
    `${SERVICES}/:consumerId/providers`,
    (r, reg, type) => byServiceId(r, reg, type, r.params.consumerId),
  ],
  [INSTANCES, byServiceKey],
  ['/v4/:project/registry/existence', byServiceKey],
  ['/v4/:project/govern/microservices', applyAll],
  [SERVICES, byRequestBody],
  [
    `${INSTANCES}/action`,
    byBodyInstances('get', (item) => field(field(item, 'instance'), 'serviceId')),
  ],
  [
    '/v4/:project/registry/heartbeats',
    byBodyInstances('update', (item) => field(item, 'serviceId')),
  ],
]

/**
 * The resource scope of a call, as Service Center's auth plugin reads it; 401201 "no valid
 * resouce scope" (its spelling) when the call names a service that does not exist or a body
 * it cannot read.
 * @example
 * const scope = await scopeOf(request, registry)
 */
export async function scopeOf(request: ScopeRequest, registry: Registry): Promise<ResourceScope> {
  let parse: Parse = applyAll
  let matched = ''
  for (const [prefix, candidate] of PARSERS) {
    if (request.pattern === prefix) {
      parse = candidate
      break
    }
    if (prefix.length > matched.length && request.pattern.startsWith(prefix)) {
      parse = candidate
      matched = prefix
    }
  }
  try {
    return await parse(request, registry, resourceOf(request.pattern))
  } catch {
    throw new RegistryError('401201', 'no valid resouce scope')
  }
}

function verbOf(request: ScopeRequest): string {
  return METHOD_VERBS[request.method.toUpperCase()] ?? ''
}

async function applyAll(
  request: ScopeRequest,
  _registry: Registry,
  type: string,
): Promise<ResourceScope> {
  return { type, verb: verbOf(request), labels: [] }
}

function labelsOf(registry: Registry, ctx: RequestContext, serviceId: string | undefined) {
  const { service } = registry.getService(ctx, serviceId ?? '')
  return {
    environment: service.environment ?? '',
    appId: service.appId ?? '',
    serviceName: service.serviceName ?? '',
  }
}

async function byServiceId(
  request: ScopeRequest,
  registry: Registry,
  type: string,
  serviceId: string | undefined,
): Promise<ResourceScope> {
  return { type, verb: verbOf(request), labels: [labelsOf(registry, request.ctx, serviceId)] }
}

async function byServiceKey(
  request: ScopeRequest,
  registry: Registry,
  type: string,
): Promise<ResourceScope> {
  const { query } = request
  if (query.has('serviceId'))
    return byServiceId(request, registry, type, query.get('serviceId') ?? '')
  let environment = query.get('env') ?? ''
  const consumerId = request.header('x-consumerid')
  if (!environment && consumerId)
    environment = labelsOf(registry, request.ctx, consumerId).environment
  return {
    type,
    verb: verbOf(request),
    labels: [
      { environment, appId: query.get('appId') ?? '', serviceName: query.get('serviceName') ?? '' },
    ],
  }
}

async function byRequestBody(
  request: ScopeRequest,
  registry: Registry,
  type: string,
): Promise<ResourceScope> {
  if (request.method.toUpperCase() === 'GET') return applyAll(request, registry, type)
  const body = await request.body()
  const verb = verbOf(request)
  if (request.method.toUpperCase() === 'DELETE') {
    const ids = field(body, 'serviceIds')
    const list = Array.isArray(ids) ? ids : []
    return { type, verb, labels: list.map((id) => labelsOf(registry, request.ctx, String(id))) }
  }
  const service = field(body, 'service')
  if (typeof service !== 'object' || service === null)
    throw new Error('invalid CreateServiceRequest')
  const text = (key: string) => {
    const value = field(service, key)
    return typeof value === 'string' ? value : ''
  }
  return {
    type,
    verb,
    labels: [
      { environment: text('environment'), appId: text('appId'), serviceName: text('serviceName') },
    ],
  }
}

/**
 * The scope of a call whose body lists instances (batch find, batch heartbeat): one label set
 * per entry, by the serviceId `serviceIdOf` reads from it.
 */
function byBodyInstances(verb: string, serviceIdOf: (item: unknown) => unknown): Parse {
  return async (request, registry, type) => {
    const items = field(await request.body(), 'instances')
    const list = Array.isArray(items) ? items : []
    const labels = list.map((item) =>
      labelsOf(registry, request.ctx, String(serviceIdOf(item) ?? '')),
    )
    return { type, verb, labels }
  }
}

/** A JSON field by name, matched case-insensitively as Go's decoder does. */
function field(value: unknown, name: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined
  const record = value as Record<string, unknown>
  if (name in record) return record[name]
  const lower = name.toLowerCase()
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === lower)
  return key === undefined ? undefined : record[key]
}
