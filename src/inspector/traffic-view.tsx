import { useComputed, useSignal } from '@preact/signals'
import { useEffect } from 'preact/hooks'
import type { RequestDetail } from '../control/inspector-client.ts'
import type { RequestLogEntry } from '../faults/types.ts'
import { duration, prettyBody, statusClass, timeOfDay } from './format.ts'
import type { InspectorStore } from './store.ts'
import { VirtualList } from './virtual-list.tsx'

const ROW_HEIGHT = 30

/**
 * The traffic tab: the request log live, newest first, filtered by operation, status and
 * service; a click shows the captured headers and bodies.
 * @example
 * <TrafficView store={store} />
 */
export function TrafficView({ store }: { store: InspectorStore }) {
  const operation = useSignal('')
  const status = useSignal('')
  const service = useSignal('')
  const selected = useSignal<number | undefined>(undefined)
  const names = useComputed(() => {
    const map = new Map<string, string>()
    for (const tenant of store.registry.value?.tenants ?? []) {
      for (const { service: s } of tenant.services) map.set(s.serviceId ?? '', s.serviceName ?? '')
    }
    return map
  })
  const operations = useComputed(() =>
    [...new Set(store.requests.value.map((e) => e.operationId ?? ''))].filter(Boolean).sort(),
  )
  const entries = useComputed(() => {
    const wanted = service.value.trim().toLowerCase()
    return store.requests.value.filter(
      (entry) =>
        (!operation.value || entry.operationId === operation.value) &&
        (!status.value || statusMatches(entry.status, status.value)) &&
        (!wanted || serviceOf(entry, names.value).toLowerCase().includes(wanted)),
    )
  })
  const list = entries.value
  return (
    <div class="cm-split">
      <section class="cm-main">
        <div class="cm-toolbar">
          <label class="cm-select">
            <span>Operation</span>
            <select
              aria-label="Operation"
              value={operation.value}
              onChange={(e) => {
                operation.value = (e.currentTarget as HTMLSelectElement).value
              }}
            >
              <option value="">all</option>
              {operations.value.map((id) => (
                <option key={id} value={id}>
                  {id}
                </option>
              ))}
            </select>
          </label>
          <label class="cm-select">
            <span>Status</span>
            <select
              aria-label="Status"
              value={status.value}
              onChange={(e) => {
                status.value = (e.currentTarget as HTMLSelectElement).value
              }}
            >
              <option value="">all</option>
              <option value="2xx">2xx</option>
              <option value="3xx">3xx</option>
              <option value="4xx">4xx</option>
              <option value="5xx">5xx</option>
              <option value="0">network</option>
            </select>
          </label>
          <input
            type="search"
            class="cm-search"
            placeholder="Service name or id"
            aria-label="Service"
            value={service.value}
            onInput={(e) => {
              service.value = (e.currentTarget as HTMLInputElement).value
            }}
          />
          <span class="cm-muted">
            {list.length} of {store.requests.value.length}
          </span>
          <button
            type="button"
            class="cm-button cm-quiet"
            onClick={() => store.act(() => store.client.clearRequests())}
          >
            Clear
          </button>
        </div>
        <div class="cm-row cm-row-head cm-traffic">
          <span>time</span>
          <span>method</span>
          <span>path</span>
          <span>operation</span>
          <span>status</span>
          <span>duration</span>
          <span>tenant</span>
        </div>
        {list.length === 0 ? (
          <p class="cm-empty">
            No registry call yet{store.requests.value.length ? ' matches' : ''}.
          </p>
        ) : (
          <VirtualList
            label="Requests"
            testId="traffic-list"
            count={list.length}
            rowHeight={ROW_HEIGHT}
            keyOf={(index) => list[index]!.seq}
            row={(index) => {
              const entry = list[index]!
              return (
                <button
                  type="button"
                  class={`cm-row cm-traffic${selected.value === entry.seq ? ' cm-selected' : ''}`}
                  data-seq={entry.seq}
                  data-operation={entry.operationId}
                  data-status={entry.status}
                  onClick={() => {
                    selected.value = entry.seq
                  }}
                >
                  <span class="cm-muted">{timeOfDay(entry.time)}</span>
                  <span class={`cm-method cm-method-${entry.method.toLowerCase()}`}>
                    {entry.method}
                  </span>
                  <span class="cm-path" title={entry.url}>
                    {entry.url}
                  </span>
                  <span>{entry.operationId ?? '—'}</span>
                  <span class={`cm-code cm-code-${statusClass(entry.status)}`}>
                    {entry.status === 0 ? 'dropped' : entry.status}
                    {entry.faults ? ' ⚡' : ''}
                  </span>
                  <span class="cm-muted">{duration(entry.durationMs)}</span>
                  <span class="cm-muted">{entry.tenant ?? ''}</span>
                </button>
              )
            }}
          />
        )}
      </section>
      <aside class="cm-side">
        <RequestPane store={store} seq={selected.value} />
      </aside>
    </div>
  )
}

function RequestPane({ store, seq }: { store: InspectorStore; seq: number | undefined }) {
  const detail = useSignal<RequestDetail | undefined | null>(null)
  useEffect(() => {
    detail.value = null
    if (seq === undefined) return
    let current = true
    void store.client.request(seq).then((found) => {
      if (current) detail.value = found
    })
    return () => {
      current = false
    }
  }, [seq])
  if (seq === undefined) {
    return <p class="cm-empty">Select a request to see its headers and bodies.</p>
  }
  const value = detail.value
  if (value === null) return <p class="cm-empty">Loading…</p>
  if (value === undefined) return <p class="cm-empty">The log no longer holds that request.</p>
  return (
    <div class="cm-detail" data-testid="request-detail">
      <h3>
        <span class={`cm-method cm-method-${value.method.toLowerCase()}`}>{value.method}</span>{' '}
        <span class={`cm-code cm-code-${statusClass(value.status)}`}>
          {value.status === 0 ? 'dropped' : value.status}
        </span>{' '}
        {value.operationId}
      </h3>
      <p class="cm-path-full">{value.url}</p>
      <p class="cm-muted">
        #{value.seq} · {value.time} · {duration(value.durationMs)} · {value.tenant}
        {value.faults ? ` · fault ${value.faults.join(', ')}` : ''}
      </p>
      {value.exchange ? (
        <>
          <Message title="Request" message={value.exchange.request} />
          <Message title="Response" message={value.exchange.response} />
        </>
      ) : (
        <p class="cm-muted">
          Headers and bodies are not captured by this mock (captureBodies is off).
        </p>
      )}
    </div>
  )
}

function Message(props: {
  title: string
  message: { headers: Record<string, string>; body?: string; truncated?: number }
}) {
  const { headers, body, truncated } = props.message
  return (
    <section class="cm-section">
      <h4>{props.title}</h4>
      <dl class="cm-fields cm-headers">
        {Object.entries(headers).map(([name, value]) => (
          <div key={name} class="cm-hrow">
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {body ? <pre class="cm-body">{prettyBody(body)}</pre> : <p class="cm-muted">no body</p>}
      {truncated ? <p class="cm-muted">cut: the body had {truncated} characters</p> : null}
    </section>
  )
}

function statusMatches(status: number, wanted: string): boolean {
  if (wanted === '0') return status === 0
  return String(status)[0] === wanted[0] && status !== 0
}

function serviceOf(entry: RequestLogEntry, names: Map<string, string>): string {
  const name = entry.serviceId ? (names.get(entry.serviceId) ?? '') : ''
  return `${name} ${entry.serviceId ?? ''} ${entry.url}`
}
