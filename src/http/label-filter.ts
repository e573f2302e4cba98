import { prerenderedAnswerOf } from './prerendered.ts'

type Service = { environment?: string; appId?: string; serviceName?: string }

/**
 * Keeps the services of a `GET /microservices` answer that match one of the permission
 * labels, as Service Center does for a role limited by labels: `environment` and `appId`
 * exactly, `serviceName` with `*` wildcards.
 * @example
 * const filtered = await filterServices(response, [{ appId: 'shop' }])
 */
export async function filterServices(
  response: Response,
  labels: readonly Record<string, string>[],
): Promise<Response> {
  if (response.status !== 200) return response
  // The standalone server's direct route keeps the body beside the Response.
  const text = prerenderedAnswerOf(response)?.body ?? (await response.text())
  const body = JSON.parse(text) as { services?: Service[] }
  const services = (body.services ?? []).filter((service) =>
    labels.some((label) => matches(service, label)),
  )
  const filtered = JSON.stringify(services.length ? { ...body, services } : {})
  const headers = new Headers(response.headers)
  headers.set('Content-Length', String(new TextEncoder().encode(filtered).byteLength))
  return new Response(filtered, { status: 200, headers })
}

function matches(service: Service, label: Record<string, string>): boolean {
  if ('environment' in label && (service.environment ?? '') !== label.environment) return false
  if ('appId' in label && (service.appId ?? '') !== label.appId) return false
  if ('serviceName' in label && !wildcard(label.serviceName!).test(service.serviceName ?? '')) {
    return false
  }
  return true
}

function wildcard(pattern: string): RegExp {
  const quoted = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\*/g, '.*')
  return new RegExp(`^${quoted}$`)
}
