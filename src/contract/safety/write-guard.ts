import type { Middleware } from 'openapi-fetch'
import { ContractError } from '../errors.ts'
import { RUN_MARKER_PROPERTY, type RunLedger } from './ledger.ts'

type Body = Record<string, unknown> | undefined

const SERVICE_PARAMS = ['serviceId', 'consumerId', 'providerId'] as const
const READS_WITH_BODY = new Set(['POST /v4/{project}/registry/instances/action'])

/**
 * Why a request would touch something the run does not own, or `undefined` when it only
 * touches the run's own data. Reads pass, except that a consumer id (which makes the registry
 * record a dependency) and the provider looked up must be the run's own.
 * @example
 * foreignTarget(ledger, { method: 'DELETE', schemaPath: '/v4/{project}/registry/microservices/{serviceId}', path: { serviceId: 'x' } })
 */
export function foreignTarget(
  ledger: RunLedger,
  call: {
    method: string
    schemaPath: string
    path?: Record<string, unknown>
    query?: Record<string, unknown>
    consumerId?: string | null
    body?: unknown
  },
): string | undefined {
  const method = call.method.toUpperCase()
  const route = `${method} ${call.schemaPath}`
  const body = (typeof call.body === 'object' && call.body !== null ? call.body : undefined) as Body
  if (call.consumerId && !ledger.owns(call.consumerId)) {
    return `consumer "${call.consumerId}" was not created by this run`
  }
  if (call.consumerId && !ownsLookups(ledger, call.query, body)) {
    return 'the provider looked up with a consumer is outside the run application'
  }
  if (method === 'GET' || READS_WITH_BODY.has(route) || call.schemaPath === '/v4/token') {
    return undefined
  }
  const rbac = /^\/v4\/(accounts|roles)/.exec(call.schemaPath)
  if (rbac) return rbacTarget(ledger, call.schemaPath, method, call.path, body)
  if (ledger.closed && !(method === 'DELETE' && call.schemaPath.endsWith('/{serviceId}'))) {
    return 'the run is shutting down and only deletes its own services now'
  }
  for (const name of SERVICE_PARAMS) {
    const id = call.path?.[name]
    if (id !== undefined && !ledger.owns(String(id))) {
      return `service "${String(id)}" was not created by this run`
    }
  }
  return bodyTarget(ledger, call.schemaPath, method, body)
}

function bodyTarget(ledger: RunLedger, schemaPath: string, method: string, body: Body) {
  switch (`${method} ${schemaPath.replace('/v4/{project}/registry', '')}`) {
    case 'POST /microservices': {
      const service = body?.service as Body
      if (!ledger.ownsApp(service?.appId as string | undefined)) {
        return `appId "${String(service?.appId)}" is not the run application "${ledger.appId}"`
      }
      const id = service?.serviceId
      return id === undefined || ledger.owns(String(id))
        ? undefined
        : `service id "${String(id)}" was not reserved by this run`
    }
    case 'DELETE /microservices':
      return firstForeign(ledger, body?.serviceIds)
    case 'PUT /heartbeats':
      return firstForeign(
        ledger,
        (body?.instances as Body[] | undefined)?.map((entry) => entry?.serviceId),
      )
    case 'PUT /instances/status': {
      const properties = (body?.matches as Body)?.properties as Body
      return properties?.[RUN_MARKER_PROPERTY] === ledger.runId
        ? undefined
        : `the property match lacks ${RUN_MARKER_PROPERTY}=${ledger.runId}`
    }
    case 'POST /dependencies':
    case 'PUT /dependencies':
      return dependencyTarget(ledger, body)
    default:
      // Every other write names its service in the path, checked above.
      return schemaPath.includes('{serviceId}') ? undefined : `${method} ${schemaPath} is unknown`
  }
}

/**
 * Accounts and roles: the run only creates, changes and deletes names in its namespace
 * (`<appId>-…`), and never the operator's account or the built-in roles.
 */
function rbacTarget(
  ledger: RunLedger,
  schemaPath: string,
  method: string,
  path: Record<string, unknown> | undefined,
  body: Body,
): string | undefined {
  if (ledger.closed && method !== 'DELETE') {
    return 'the run is shutting down and only deletes what it created now'
  }
  const named = path?.name ?? path?.roleName
  const name =
    named !== undefined
      ? String(named)
      : schemaPath === '/v4/accounts/batch-create'
        ? undefined
        : (body?.name as string | undefined)
  if (schemaPath === '/v4/accounts/batch-create') {
    const foreign = ((body?.accounts as Body[] | undefined) ?? []).find(
      (entry) => !ledger.ownsApp(entry?.name as string | undefined),
    )
    return foreign ? `account "${String(foreign.name)}" is outside the run namespace` : undefined
  }
  return ledger.ownsApp(name)
    ? undefined
    : `${schemaPath.startsWith('/v4/roles') ? 'role' : 'account'} "${String(name)}" is outside the run namespace "${ledger.appId}-…"`
}

function firstForeign(ledger: RunLedger, ids: unknown): string | undefined {
  if (!Array.isArray(ids)) return undefined
  const foreign = ids.find((id) => !ledger.owns(String(id)))
  return foreign === undefined
    ? undefined
    : `service "${String(foreign)}" was not created by this run`
}

function dependencyTarget(ledger: RunLedger, body: Body): string | undefined {
  for (const entry of (body?.dependencies as Body[] | undefined) ?? []) {
    const consumer = entry?.consumer as Body
    if (!ledger.ownsApp(consumer?.appId as string | undefined)) {
      return `consumer appId "${String(consumer?.appId)}" is outside the run application`
    }
    for (const provider of (entry?.providers as Body[] | undefined) ?? []) {
      if (provider?.appId !== undefined && !ledger.ownsApp(provider.appId as string)) {
        return `provider appId "${String(provider.appId)}" is outside the run application`
      }
    }
  }
  return undefined
}

function ownsLookups(ledger: RunLedger, query: Record<string, unknown> | undefined, body: Body) {
  if (query?.appId !== undefined && !ledger.ownsApp(String(query.appId))) return false
  const services = (body?.services as Body[] | undefined) ?? []
  return services.every((entry) => ledger.ownsApp((entry?.service as Body)?.appId as string))
}

/**
 * Creates the middleware that enforces the run's safety invariant: a request that would change
 * (or record a dependency on) anything the run does not own is never sent; the call throws a
 * `ContractError` with code `ERR_FOREIGN_WRITE`.
 * @example
 * client.use(createWriteGuard(ledger))
 */
export function createWriteGuard(ledger: RunLedger): Middleware {
  return {
    async onRequest({ request, schemaPath, params }) {
      const body = request.body
        ? await request
            .clone()
            .json()
            .catch(() => undefined)
        : undefined
      const reason = foreignTarget(ledger, {
        method: request.method,
        schemaPath,
        path: params.path ?? {},
        query: params.query ?? {},
        consumerId: request.headers.get('x-consumerid'),
        body,
      })
      if (reason) {
        throw new ContractError(
          'ERR_FOREIGN_WRITE',
          `Failed to send ${request.method} ${schemaPath}: ${reason}. The suite only changes what it created in this run.`,
        )
      }
      return undefined
    },
  }
}
