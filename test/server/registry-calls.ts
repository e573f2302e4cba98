/** Small fetch wrappers over the registry API for the server tests. */

const BASE = '/v4/default/registry'

/**
 * Creates a service and returns its serviceId; throws on anything but 200.
 * @example
 * const serviceId = await createService(url, { appId: 'app', serviceName: 'orders', version: '1.0.0' })
 */
export async function createService(
  url: string,
  service: { appId: string; serviceName: string; version: string },
): Promise<string> {
  const body = await call(url, 'POST', `${BASE}/microservices`, { service })
  return (body as { serviceId: string }).serviceId
}

/**
 * Registers an instance with one REST endpoint and returns its instanceId.
 * @example
 * const instanceId = await registerInstance(url, serviceId, 'node-1')
 */
export async function registerInstance(
  url: string,
  serviceId: string,
  hostName: string,
  healthCheck?: { mode: 'push'; interval: number; times: number },
): Promise<string> {
  const instance = {
    hostName,
    // Unique endpoints: the cse profile hands back the existing id for repeated endpoints.
    endpoints: [`rest://${hostName}.test:8080`],
    ...(healthCheck ? { healthCheck } : {}),
  }
  const body = await call(url, 'POST', `${BASE}/microservices/${serviceId}/instances`, { instance })
  return (body as { instanceId: string }).instanceId
}

/**
 * Discovers the instances of a service name (all versions), optionally as a consumer.
 * @example
 * const instances = await discover(url, 'app', 'orders', consumerId)
 */
export async function discover(
  url: string,
  appId: string,
  serviceName: string,
  consumerId?: string,
): Promise<{ instanceId: string; serviceId: string }[]> {
  const query = new URLSearchParams({ appId, serviceName, version: '0.0.0+' })
  const headers: Record<string, string> = consumerId ? { 'X-ConsumerId': consumerId } : {}
  const body = await call(url, 'GET', `${BASE}/instances?${query}`, undefined, headers)
  return (body as { instances?: { instanceId: string; serviceId: string }[] }).instances ?? []
}

/**
 * Sends one registry call and returns the parsed JSON body (or `undefined` for an empty one);
 * throws with the status and body on anything but a 2xx.
 * @example
 * await call(url, 'PUT', `/v4/default/registry/microservices/${sid}/instances/${iid}/heartbeat`)
 */
export async function call(
  url: string,
  method: string,
  path: string,
  json?: unknown,
  headers: Record<string, string> = {},
): Promise<unknown> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: json === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`)
  return text === '' ? undefined : JSON.parse(text)
}
