import type { Interceptor } from '../http/operation.ts'
import { appliedFaultIds } from './applied.ts'
import {
  captureExchange,
  DEFAULT_CAPTURE_BYTES,
  materializeExchange,
  type PendingExchange,
} from './capture.ts'
import { InvalidRequestLogOptionsError } from './errors.ts'
import { isoTime } from './iso-time.ts'
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
  // One column per field: a thousand kept entry objects would each outlive the young
  // generation and be copied by the garbage collector on their way out, on every call.
  // Entries are built when listed, or when someone listens.
  const seqs = new Float64Array(capacity)
  const times = new Float64Array(capacity)
  const statuses = new Int16Array(capacity)
  const durations = new Float64Array(capacity)
  const methods: string[] = new Array(capacity).fill('')
  const urls: string[] = new Array(capacity).fill('')
  const operationIds: string[] = new Array(capacity).fill('')
  const domains: string[] = new Array(capacity).fill('')
  const projects: string[] = new Array(capacity).fill('')
  const serviceIds: (string | undefined)[] = new Array(capacity).fill(undefined)
  const faultIds: (readonly string[] | undefined)[] = new Array(capacity).fill(undefined)
  const exchanges: (PendingExchange | undefined)[] = new Array(capacity).fill(undefined)
  let nextSlot = 0
  let size = 0
  let seq = 0
  const listeners = new Set<(entry: RequestLogEntry) => void>()

  const entryAt = (slot: number): RequestLogEntry => {
    const entry: RequestLogEntry = {
      seq: seqs[slot]!,
      time: isoTime(times[slot]!),
      method: methods[slot]!,
      url: urls[slot]!,
      operationId: operationIds[slot]!,
      status: statuses[slot]!,
      durationMs: durations[slot]!,
      tenant: `${domains[slot]}/${projects[slot]}`,
    }
    const serviceId = serviceIds[slot]
    if (serviceId !== undefined) entry.serviceId = serviceId
    const faults = faultIds[slot]
    // Frozen like the entry: a listener must not change what the next one sees.
    if (faults) entry.faults = Object.freeze([...faults]) as string[]
    return Object.freeze(entry)
  }

  const slotOf = (wanted: number): number | undefined => {
    // Sequence numbers are consecutive within the kept entries, newest at nextSlot - 1.
    if (size === 0) return undefined
    const newest = seqs[(nextSlot - 1 + capacity) % capacity]!
    const back = newest - wanted
    if (!Number.isInteger(back) || back < 0 || back >= size) return undefined
    return (nextSlot - 1 - back + capacity) % capacity
  }

  const interceptor: Interceptor = async (call, next) => {
    const time = Date.now()
    const started = performance.now()
    const record = (status: number, exchange: PendingExchange | undefined) => {
      const slot = nextSlot
      seqs[slot] = ++seq
      times[slot] = time
      methods[slot] = call.method.toUpperCase()
      urls[slot] = call.pathname + call.search
      operationIds[slot] = call.operationId
      statuses[slot] = status
      durations[slot] = Math.round((performance.now() - started) * 1000) / 1000
      domains[slot] = call.ctx.domain
      projects[slot] = call.ctx.project
      serviceIds[slot] = call.params.serviceId ?? call.params.consumerId ?? call.params.providerId
      faultIds[slot] = appliedFaultIds(call)
      exchanges[slot] = exchange
      nextSlot = (nextSlot + 1) % capacity
      size = Math.min(size + 1, capacity)
      if (listeners.size === 0) return
      const entry = entryAt(slot)
      for (const listener of [...listeners]) {
        try {
          listener(entry)
        } catch (error) {
          // A broken listener must not break the call it is told about.
          console.error('cse-mock: a request log listener threw', error)
        }
      }
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
      const slot = slotOf(wanted)
      if (slot === undefined) return undefined
      const entry = { ...entryAt(slot) }
      const exchange = exchanges[slot]
      return exchange ? { ...entry, exchange: materializeExchange(exchange) } : entry
    },
    list(filter = {}) {
      const method = filter.method?.toUpperCase()
      const entries: RequestLogEntry[] = []
      for (let i = 0; i < size; i++) {
        const slot = (nextSlot - size + i + capacity) % capacity
        if (filter.operationId !== undefined && operationIds[slot] !== filter.operationId) continue
        if (method !== undefined && methods[slot] !== method) continue
        if (filter.status !== undefined && statuses[slot] !== filter.status) continue
        entries.push(entryAt(slot))
      }
      return entries
    },
    clear() {
      urls.fill('')
      serviceIds.fill(undefined)
      faultIds.fill(undefined)
      exchanges.fill(undefined)
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
