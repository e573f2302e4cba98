import type { components } from '../../../src/generated/schema.ts'

type MicroService = components['schemas']['MicroService']
type MicroServiceInstance = components['schemas']['MicroServiceInstance']

/** The registry's REST API of project `default`, called on the page's own origin. */
const REGISTRY = '/v4/default/registry'

/** What the page shows when a call fails: HTTP status, and the registry's code when there is one. */
export interface ApiError {
  status: number
  errorCode?: string
  message: string
}

/** A call's outcome as a value: the page renders both branches. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError }

/** What the form asks for. */
export interface InstanceInput {
  appId: string
  serviceName: string
  version: string
  hostName: string
  endpoint: string
}

/**
 * Registers an instance, creating its service first when the registry does not know it.
 * @example
 * const result = await registerInstance({ appId: 'shop', serviceName: 'orders', version: '1.0.0', hostName: 'orders-1', endpoint: 'rest://10.0.0.7:8080' })
 */
export async function registerInstance(
  input: InstanceInput,
): Promise<ApiResult<{ serviceId: string; instanceId: string }>> {
  const service = await ensureService(input)
  if (!service.ok) return service
  const registered = await call<{ instanceId: string }>(
    `${REGISTRY}/microservices/${service.data}/instances`,
    {
      method: 'POST',
      body: { instance: { hostName: input.hostName, endpoints: [input.endpoint], status: 'UP' } },
    },
  )
  if (!registered.ok) return registered
  return { ok: true, data: { serviceId: service.data, instanceId: registered.data.instanceId } }
}

/**
 * Discovers the instances of a service the way a consumer does; `0.0.0+` means every version.
 * @example
 * const result = await findInstances('shop', 'orders', 'latest')
 */
export async function findInstances(
  appId: string,
  serviceName: string,
  version = '0.0.0+',
): Promise<ApiResult<MicroServiceInstance[]>> {
  const query = new URLSearchParams({ appId, serviceName, version })
  const found = await call<{ instances?: MicroServiceInstance[] }>(`${REGISTRY}/instances?${query}`)
  return found.ok ? { ok: true, data: found.data.instances ?? [] } : found
}

/**
 * Lists the services of project `default`.
 * @example
 * const result = await listServices()
 */
export async function listServices(): Promise<ApiResult<MicroService[]>> {
  const listed = await call<{ services?: MicroService[] }>(`${REGISTRY}/microservices`)
  return listed.ok ? { ok: true, data: listed.data.services ?? [] } : listed
}

/** Looks the service up by its key; creates it on the registry's "does not exist" answer. */
async function ensureService(input: InstanceInput): Promise<ApiResult<string>> {
  const { appId, serviceName, version } = input
  const key = new URLSearchParams({ type: 'microservice', appId, serviceName, version })
  const existing = await call<{ serviceId: string }>(`${REGISTRY}/existence?${key}`)
  if (existing.ok) return { ok: true, data: existing.data.serviceId }
  // 400012: micro-service does not exist. Anything else is a real failure.
  if (existing.error.errorCode !== '400012') return existing
  const created = await call<{ serviceId: string }>(`${REGISTRY}/microservices`, {
    method: 'POST',
    body: { service: { appId, serviceName, version } },
  })
  return created.ok ? { ok: true, data: created.data.serviceId } : created
}

async function call<T>(
  url: string,
  init: { method?: string; body?: unknown } = {},
): Promise<ApiResult<T>> {
  let response: Response
  try {
    response = await fetch(url, {
      method: init.method ?? 'GET',
      headers: { 'Content-Type': 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    })
  } catch (error) {
    return { ok: false, error: { status: 0, message: `Network error: ${String(error)}` } }
  }
  const text = await response.text()
  if (response.ok) return { ok: true, data: (text ? JSON.parse(text) : {}) as T }
  return { ok: false, error: toApiError(response.status, text) }
}

/** The registry's envelope is `{ errorCode, errorMessage, detail }`; a plain status has text. */
function toApiError(status: number, text: string): ApiError {
  try {
    const body = JSON.parse(text) as { errorCode?: unknown; errorMessage?: unknown }
    if (typeof body.errorCode === 'string') {
      return { status, errorCode: body.errorCode, message: String(body.errorMessage ?? '') }
    }
  } catch {
    // Not JSON: a fault that answers a bare status, or a proxy page.
  }
  return { status, message: text || `HTTP ${status}` }
}
