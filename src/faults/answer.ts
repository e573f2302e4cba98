import type { Answer, OperationCall } from '../http/operation.ts'
import { errorResponse, textResponse, toResponse } from '../http/respond.ts'
import {
  ERROR_MESSAGES,
  type ErrorBody,
  type ErrorCode,
  RegistryError,
} from '../registry/errors.ts'
import type { Registry } from '../registry/index.ts'
import { rulesOf } from '../registry/profile.ts'
import type { FaultAction } from './types.ts'

const STATUS_TEXT: Record<number, string> = {
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

/**
 * The operations `drop-heartbeats` answers; every other call passes through it.
 * @example
 * HEARTBEAT_OPERATIONS.has('heartbeats') // true
 */
export const HEARTBEAT_OPERATIONS: ReadonlySet<string> = new Set(['heartbeat', 'heartbeats'])

/**
 * The Response a terminal fault answers with, in place of the registry.
 * @example
 * const response = await answerFault({ type: 'status', status: 503 }, call, registry, next)
 */
export async function answerFault(
  action: Exclude<FaultAction, { type: 'latency' }>,
  call: OperationCall,
  registry: Registry,
  next: () => Promise<Answer>,
): Promise<Answer> {
  switch (action.type) {
    case 'error':
      return registryErrorResponse(action.errorCode, action.detail ?? '')
    case 'status':
      return textResponse(
        action.status,
        action.body ?? STATUS_TEXT[action.status] ?? 'Server Error',
        action.status === 429 ? { 'Retry-After': '1' } : undefined,
      )
    case 'network':
      return Response.error()
    case 'drop-heartbeats':
      return acknowledgeHeartbeats(call, registry, next)
  }
}

/**
 * The registry's envelope for any code: the catalogue's text for known codes, a generic one
 * for the rest.
 * @example
 * registryErrorResponse('500011', 'etcd is down') // 500 { errorCode: '500011', … }
 */
export function registryErrorResponse(code: string, detail: string): Response {
  if (Object.hasOwn(ERROR_MESSAGES, code)) {
    return errorResponse(new RegistryError(code as ErrorCode, detail))
  }
  const body: ErrorBody = { errorCode: code, errorMessage: 'Injected fault' }
  if (detail) body.detail = detail
  return new Response(JSON.stringify(body), {
    status: Math.floor(Number(code) / 1000),
    headers: { 'Content-Type': 'application/json; charset=UTF-8' },
  })
}

async function acknowledgeHeartbeats(
  call: OperationCall,
  registry: Registry,
  next: () => Promise<Answer>,
): Promise<Answer> {
  if (call.operationId === 'heartbeat') return toResponse({})
  if (rulesOf(registry.profile).batchHeartbeatResponse !== 'list') return toResponse({})
  const pairs = await readPairs(call.request)
  // A body the registry would reject renews nothing either: let it answer its own 400001.
  if (!pairs) return next()
  return toResponse({ body: { instances: pairs } })
}

async function readPairs(request: Request) {
  let body: unknown
  try {
    body = await request.clone().json()
  } catch {
    return undefined
  }
  if (typeof body !== 'object' || body === null) return undefined
  const list = Object.entries(body).find(([key]) => key.toLowerCase() === 'instances')?.[1]
  if (!Array.isArray(list) || list.length === 0) return undefined
  const seen = new Set<string>()
  const pairs: { serviceId: string; instanceId: string }[] = []
  for (const item of list) {
    const { serviceId, instanceId } = (item ?? {}) as Record<string, unknown>
    if (typeof serviceId !== 'string' || typeof instanceId !== 'string') return undefined
    const key = `${serviceId}/${instanceId}`
    if (seen.has(key)) continue
    seen.add(key)
    pairs.push({ serviceId, instanceId })
  }
  return pairs
}
