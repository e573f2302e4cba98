import type { InspectorClient, InspectorEvent } from '../control/inspector-client.ts'

/** The control API's prefix, relative to the origin the page was served from. */
const PREFIX = '/__cse-mock'

/**
 * A control API failure as the inspector shows it: the API's `code` and sentence.
 * @example
 * if (error instanceof ControlCallError && error.status === 401) askForToken()
 */
export class ControlCallError extends Error {
  readonly status: number
  readonly code: string
  constructor(status: number, code: string, message: string) {
    super(message)
    this.name = 'ControlCallError'
    this.status = status
    this.code = code
  }
}

/**
 * The failure of one call: the control API's `{ error: { code, message } }`, or the registry's
 * `{ errorCode, errorMessage, detail }` that RBAC refusals carry.
 */
function callError(status: number, body: unknown, call: string): ControlCallError {
  const { error, errorCode, errorMessage, detail } = (body ?? {}) as {
    error?: { code?: string; message?: string }
    errorCode?: string
    errorMessage?: string
    detail?: string
  }
  if (errorCode) {
    return new ControlCallError(
      status,
      errorCode,
      detail ? `${errorMessage}: ${detail}` : `${errorMessage}`,
    )
  }
  return new ControlCallError(
    status,
    error?.code ?? 'HTTP_ERROR',
    error?.message ?? `${call} answered ${status}.`,
  )
}

/**
 * The inspector's client over HTTP: the control API of the origin that served the page, and its
 * live feed read as server-sent events (with fetch, so a token can go along; reconnects).
 * @example
 * const client = createHttpInspectorClient({ origin: location.origin })
 */
export function createHttpInspectorClient(
  options: { origin?: string; token?: () => string | undefined } = {},
): InspectorClient {
  const base = `${options.origin ?? ''}${PREFIX}`
  const headers = (json: boolean): Record<string, string> => {
    const result: Record<string, string> = json ? { 'Content-Type': 'application/json' } : {}
    const token = options.token?.()
    if (token) result.Authorization = `Bearer ${token}`
    return result
  }
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const init: RequestInit = { method, headers: headers(body !== undefined) }
    if (body !== undefined) init.body = JSON.stringify(body)
    const response = await fetch(`${base}${path}`, init)
    const text = await response.text()
    const parsed: unknown = text ? JSON.parse(text) : undefined
    if (!response.ok) throw callError(response.status, parsed, `${method} ${PREFIX}${path}`)
    return parsed as T
  }
  return {
    registry: () => call('GET', '/registry'),
    requests: async () => (await call<{ requests: never[] }>('GET', '/requests')).requests,
    request: async (seq) => {
      try {
        return await call('GET', `/requests/${seq}`)
      } catch (error) {
        if (error instanceof ControlCallError && error.status === 404) return undefined
        throw error
      }
    },
    clearRequests: () => call('DELETE', '/requests'),
    faults: async () => (await call<{ faults: never[] }>('GET', '/faults')).faults,
    addFault: (rule) => call('POST', '/faults', rule),
    removeFault: (id) => call('DELETE', `/faults/${encodeURIComponent(id)}`),
    clock: () => call('GET', '/clock'),
    advance: (ms) => call('POST', '/clock/advance', { ms }),
    profile: async () => (await call<{ profile: never }>('GET', '/profile')).profile,
    setProfile: async (profile) => {
      await call('PUT', '/profile', { profile })
    },
    reset: () => call('POST', '/reset'),
    seed: (seed) => call('POST', '/seed', { seed }),
    shadow: () => call('GET', '/shadow'),
    snapshot: () => call('GET', '/snapshot'),
    restore: (snapshot) => call('PUT', '/snapshot', snapshot),
    subscribe: (listener) => readEvents(`${base}/events`, () => headers(false), listener),
  }
}

/** Reads the event stream until stopped; a dropped stream is opened again after a second. */
function readEvents(
  url: string,
  headers: () => Record<string, string>,
  listener: (event: InspectorEvent | { type: 'connection'; live: boolean }) => void,
): () => void {
  const abort = new AbortController()
  let dropped = false
  const run = async () => {
    while (!abort.signal.aborted) {
      try {
        const response = await fetch(url, { headers: headers(), signal: abort.signal })
        if (!response.ok || !response.body) throw new Error(`events answered ${response.status}`)
        listener({ type: 'connection', live: true })
        if (dropped) {
          // Whatever happened while the stream was down is read again.
          listener({ type: 'registry' })
          listener({ type: 'control' })
        }
        await readStream(response.body, listener)
      } catch {
        // Dropped, refused or aborted: say so and try again below.
      }
      if (abort.signal.aborted) return
      dropped = true
      listener({ type: 'connection', live: false })
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
  }
  void run()
  return () => abort.abort()
}

async function readStream(
  body: ReadableStream<Uint8Array>,
  listener: (event: InspectorEvent) => void,
): Promise<void> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (done) return
    buffer += decoder.decode(value, { stream: true })
    let end = buffer.indexOf('\n\n')
    while (end >= 0) {
      const block = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n')
      if (data) listener(JSON.parse(data) as InspectorEvent)
      end = buffer.indexOf('\n\n')
    }
  }
}
