import type { Interceptor } from '../http/operation.ts'
import { appliedFaultIds } from './applied.ts'
import { captureExchange, DEFAULT_CAPTURE_BYTES } from './capture.ts'
import { InvalidRequestLogOptionsError } from './errors.ts'
import type { CapturedExchange, RequestLogEntry, RequestLogFilter } from './types.ts'

/**
 * Options of `createRequestLog`.
 * @example
 * const options: RequestLogOptions = { capacity: 100 }
 */
export interface RequestLogOptions {
  /** Entries kept; the oldest is dropped past it. Default 1000. */
  capacity?: number
  /** Keep each call's headers and bodies (see `get`); default off. */
  capture?: boolean
  /** Characters kept of each captured body; default 16384. */
  maxBodyBytes?: number
}

/**
 * The last calls a mock answered, newest last.
 * @example
 * mock.requests.list({ operationId: 'heartbeat', status: 200 })
 */
export interface RequestLog {
  /** Plugs the log into the HTTP layer's interceptor chain; put it first to see fault answers. */
  readonly interceptor: Interceptor
  /** The kept entries, oldest first, narrowed by `filter`. */
  list(filter?: RequestLogFilter): RequestLogEntry[]
  /** One kept entry with its captured headers and bodies (`exchange` only with capture on). */
  get(seq: number): (RequestLogEntry & { exchange?: CapturedExchange }) | undefined
  /** Whether headers and bodies are captured. */
  readonly capturing: boolean
  /** Forgets every entry; sequence numbers go on. */
  clear(): void
  /** Calls `listener` with each new entry; returns the function that unsubscribes it. */
  onEntry(listener: (entry: RequestLogEntry) => void): () => void
}

/**
 * Creates a request log: a ring buffer of the last `capacity` registry calls with their
 * operationId, status, duration and the faults that applied.
 * @example
 * const requests = createRequestLog({ capacity: 100 })
 * const stop = requests.onEntry((entry) => console.log(entry.method, entry.url, entry.status))
 */
export function createRequestLog({
  capacity = 1000,
  capture = false,
  maxBodyBytes = DEFAULT_CAPTURE_BYTES,
}: RequestLogOptions = {}): RequestLog {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new InvalidRequestLogOptionsError(`capacity is ${String(capacity)}`)
  }
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 0) {
    throw new InvalidRequestLogOptionsError(`maxBodyBytes is ${String(maxBodyBytes)}`)
  }
  const exchanges = new Map<number, CapturedExchange>()
  const ring: (RequestLogEntry | undefined)[] = new Array(capacity)
  let nextSlot = 0
  let size = 0
  let seq = 0
  const listeners = new Set<(entry: RequestLogEntry) => void>()

  const append = (entry: RequestLogEntry) => {
    const dropped = ring[nextSlot]
    if (dropped) exchanges.delete(dropped.seq)
    ring[nextSlot] = entry
    nextSlot = (nextSlot + 1) % capacity
    size = Math.min(size + 1, capacity)
    for (const listener of [...listeners]) {
      try {
        listener(entry)
      } catch (error) {
        // A broken listener must not break the call it is told about.
        console.error('cse-mock: a request log listener threw', error)
      }
    }
  }

  const interceptor: Interceptor = async (call, next) => {
    const time = new Date().toISOString()
    const started = performance.now()
    const record = (status: number, exchange?: CapturedExchange) => {
      const entry: RequestLogEntry = {
        seq: ++seq,
        time,
        method: call.method.toUpperCase(),
        url: call.url.pathname + call.url.search,
        operationId: call.operationId,
        status,
        durationMs: Math.round((performance.now() - started) * 1000) / 1000,
        tenant: `${call.ctx.domain}/${call.ctx.project}`,
      }
      const serviceId = call.params.serviceId ?? call.params.consumerId ?? call.params.providerId
      if (serviceId !== undefined) entry.serviceId = serviceId
      if (exchange) exchanges.set(entry.seq, exchange)
      const faults = appliedFaultIds(call)
      // Frozen like the entry: `list()` hands out the stored objects themselves.
      if (faults) entry.faults = Object.freeze([...faults]) as string[]
      append(Object.freeze(entry))
    }
    try {
      const response = await next()
      // `Response.error()` (a network fault) has status 0.
      record(
        response.status,
        capture ? await captureExchange(call, response, maxBodyBytes) : undefined,
      )
      return response
    } catch (error) {
      record(0, capture ? await captureExchange(call, undefined, maxBodyBytes) : undefined)
      throw error
    }
  }

  return {
    interceptor,
    capturing: capture,
    get(wanted) {
      for (let i = 0; i < size; i++) {
        const entry = ring[(nextSlot - 1 - i + capacity) % capacity]
        if (entry?.seq !== wanted) continue
        const exchange = exchanges.get(wanted)
        return exchange ? { ...entry, exchange } : { ...entry }
      }
      return undefined
    },
    list(filter = {}) {
      const method = filter.method?.toUpperCase()
      const entries: RequestLogEntry[] = []
      for (let i = 0; i < size; i++) {
        const entry = ring[(nextSlot - size + i + capacity) % capacity]
        if (!entry) continue
        if (filter.operationId !== undefined && entry.operationId !== filter.operationId) continue
        if (method !== undefined && entry.method !== method) continue
        if (filter.status !== undefined && entry.status !== filter.status) continue
        entries.push(entry)
      }
      return entries
    },
    clear() {
      exchanges.clear()
      ring.fill(undefined)
      nextSlot = 0
      size = 0
    },
    onEntry(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
}
