import type { Middleware } from 'openapi-fetch'
import type { RunLedger } from './ledger.ts'

const SERVICES = '/v4/{project}/registry/microservices'

/**
 * Creates the middleware that keeps the ledger in step with the registry: every service id a
 * create answers with is recorded, every successful delete is struck off.
 * @example
 * client.use(createOwnershipTracker(ledger))
 */
export function createOwnershipTracker(ledger: RunLedger): Middleware {
  return {
    async onResponse({ request, response, schemaPath, params }) {
      if (response.status !== 200) return undefined
      const route = `${request.method} ${schemaPath}`
      if (route === `POST ${SERVICES}`) {
        const body = (await response
          .clone()
          .json()
          .catch(() => undefined)) as { serviceId?: unknown } | undefined
        if (typeof body?.serviceId === 'string') ledger.recordCreated(body.serviceId)
      } else if (route === `DELETE ${SERVICES}/{serviceId}`) {
        const id = params.path?.serviceId
        if (id !== undefined) ledger.recordDeleted(String(id))
      }
      return undefined
    },
  }
}

/**
 * Counts requests under way, so a shutdown can wait for a create whose answer is still coming.
 * @example
 * const inFlight: InFlight = createInFlight()
 * await inFlight.idle(10_000)
 */
export interface InFlight {
  readonly middleware: Middleware
  /** Resolves when nothing is under way, or after `timeoutMs`. */
  idle(timeoutMs: number): Promise<void>
}

/**
 * Creates the in-flight counter. Register it before the ownership tracker, so a create is
 * recorded before it counts as settled.
 * @example
 * const inFlight = createInFlight()
 * client.use(inFlight.middleware)
 */
export function createInFlight(): InFlight {
  let count = 0
  let waiters: (() => void)[] = []
  const settle = () => {
    count -= 1
    if (count > 0) return
    for (const wake of waiters) wake()
    waiters = []
  }
  return {
    middleware: {
      onRequest() {
        count += 1
        return undefined
      },
      onResponse() {
        settle()
        return undefined
      },
      onError() {
        settle()
        return undefined
      },
    },
    idle(timeoutMs) {
      if (count === 0) return Promise.resolve()
      return new Promise((resolve) => {
        const timer = setTimeout(resolve, timeoutMs)
        waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    },
  }
}
