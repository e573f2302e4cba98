import type { OperationCall } from '../http/operation.ts'
import type { Registry } from '../registry/index.ts'

/**
 * The name of the service a call is about: the service behind the path's `serviceId`,
 * `consumerId` or `providerId`, else the `serviceName` query parameter (discovery, existence).
 * Lookup errors (unknown id) give `undefined`, so a fault never changes the registry's answer.
 * @example
 * await serviceNameOf(call, registry) // 'orders'
 */
export async function serviceNameOf(
  call: OperationCall,
  registry: Registry,
): Promise<string | undefined> {
  const id = call.params.serviceId ?? call.params.consumerId ?? call.params.providerId
  if (id === undefined) return call.url.searchParams.get('serviceName') ?? undefined
  try {
    const found: unknown = await registry.getService(
      { domain: call.ctx.domain, project: call.ctx.project },
      id,
    )
    return nameIn(found)
  } catch {
    return undefined
  }
}

function nameIn(found: unknown): string | undefined {
  if (typeof found !== 'object' || found === null) return undefined
  const service = 'service' in found ? found.service : found
  if (typeof service !== 'object' || service === null || !('serviceName' in service))
    return undefined
  return typeof service.serviceName === 'string' ? service.serviceName : undefined
}
