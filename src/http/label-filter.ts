import { goJsonText } from './go-json.ts'
import type { Answer } from './operation.ts'
import type { RenderedAnswer } from './respond.ts'

type Service = { environment?: string; appId?: string; serviceName?: string }

/**
 * Keeps the services of a `GET /microservices` answer that match one of the permission
 * labels, as Service Center does for a role limited by labels: `environment` and `appId`
 * exactly, `serviceName` with `*` wildcards.
 * @example
 * const filtered = await filterServices(answer, [{ appId: 'shop' }])
 */
export async function filterServices(
  answer: Answer,
  labels: readonly Record<string, string>[],
): Promise<Answer> {
  if (answer.status !== 200) return answer
  // A rendered answer carries its body as text; an interceptor's own Response is read.
  const text = answer instanceof Response ? await answer.text() : (answer.body ?? '')
  const body = JSON.parse(text) as { services?: Service[] }
  const services = (body.services ?? []).filter((service) =>
    labels.some((label) => matches(service, label)),
  )
  const headers: Record<string, string> = {}
  const source =
    answer instanceof Response ? answer.headers.entries() : Object.entries(answer.headers)
  for (const [name, value] of source) {
    if (name.toLowerCase() !== 'content-length') headers[name] = value
  }
  const filtered: RenderedAnswer = {
    status: 200,
    headers,
    body: goJsonText(services.length ? { ...body, services } : {}),
  }
  return filtered
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
