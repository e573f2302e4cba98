import { useSignal } from '@preact/signals'
import type { ActiveFault, FaultAction, FaultRule } from '../faults/types.ts'
import type { InspectorStore } from './store.ts'

declare const __CSE_MOCK_OPERATIONS__: string[]

/** The registry's operationIds, from the spec at build time. */
const OPERATIONS: string[] =
  typeof __CSE_MOCK_OPERATIONS__ === 'undefined' ? [] : __CSE_MOCK_OPERATIONS__

type ActionType = FaultAction['type']

/**
 * The faults tab: active rules with their remaining `times`, a form to add one, a button to
 * remove each.
 * @example
 * <FaultsView store={store} />
 */
export function FaultsView({ store }: { store: InspectorStore }) {
  const faults = store.faults.value
  return (
    <div class="cm-page">
      <FaultForm store={store} />
      <h3 class="cm-heading">Active faults ({faults.length})</h3>
      {faults.length === 0 ? (
        <p class="cm-empty">No fault is active: every call reaches the registry.</p>
      ) : (
        <table class="cm-table" data-testid="faults-table">
          <thead>
            <tr>
              <th>id</th>
              <th>match</th>
              <th>action</th>
              <th>left</th>
              <th>hits</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {faults.map((fault) => (
              <tr key={fault.id} data-fault-id={fault.id}>
                <td>
                  <code>{fault.id}</code>
                </td>
                <td>{matchText(fault)}</td>
                <td>{actionText(fault.action)}</td>
                <td class="cm-remaining">{fault.remaining ?? '∞'}</td>
                <td>{fault.hits}</td>
                <td>
                  <button
                    type="button"
                    class="cm-button cm-danger"
                    onClick={() => store.act(() => store.client.removeFault(fault.id))}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}

function FaultForm({ store }: { store: InspectorStore }) {
  const operationId = useSignal('findInstances')
  const serviceName = useSignal('')
  const type = useSignal<ActionType>('error')
  const value = useSignal('500011')
  const times = useSignal('1')
  const submit = (event: Event) => {
    event.preventDefault()
    const rule: FaultRule = { action: actionOf(type.value, value.value.trim()) }
    const match: NonNullable<FaultRule['match']> = {}
    if (operationId.value) match.operationId = operationId.value
    if (serviceName.value.trim()) match.serviceName = serviceName.value.trim()
    if (Object.keys(match).length > 0) rule.match = match
    if (times.value.trim()) rule.times = Number(times.value)
    void store.act(() => store.client.addFault(rule))
  }
  const placeholder: Partial<Record<ActionType, string>> = {
    error: 'errorCode, e.g. 500011',
    status: 'HTTP status, e.g. 503',
    latency: 'milliseconds, e.g. 800',
  }
  return (
    <form class="cm-form" onSubmit={submit} aria-label="Add a fault" data-testid="fault-form">
      <h3 class="cm-heading">Add a fault</h3>
      <label>
        <span>Operation</span>
        <input
          name="operationId"
          list="cm-operations"
          value={operationId.value}
          placeholder="any"
          onInput={(e) => {
            operationId.value = (e.currentTarget as HTMLInputElement).value
          }}
        />
        <datalist id="cm-operations">
          {OPERATIONS.map((id) => (
            <option key={id} value={id} />
          ))}
        </datalist>
      </label>
      <label>
        <span>Service</span>
        <input
          name="serviceName"
          value={serviceName.value}
          placeholder="any service"
          onInput={(e) => {
            serviceName.value = (e.currentTarget as HTMLInputElement).value
          }}
        />
      </label>
      <label>
        <span>Action</span>
        <select
          name="action"
          value={type.value}
          onChange={(e) => {
            type.value = (e.currentTarget as HTMLSelectElement).value as ActionType
            value.value =
              { error: '500011', status: '503', latency: '800' }[type.value as 'error'] ?? ''
          }}
        >
          <option value="error">registry error</option>
          <option value="status">HTTP status</option>
          <option value="latency">latency</option>
          <option value="network">network failure</option>
          <option value="drop-heartbeats">drop heartbeats</option>
        </select>
      </label>
      {placeholder[type.value] ? (
        <label>
          <span>Value</span>
          <input
            name="value"
            value={value.value}
            placeholder={placeholder[type.value]}
            onInput={(e) => {
              value.value = (e.currentTarget as HTMLInputElement).value
            }}
          />
        </label>
      ) : null}
      <label>
        <span>Times</span>
        <input
          name="times"
          type="number"
          min="1"
          value={times.value}
          placeholder="every call"
          onInput={(e) => {
            times.value = (e.currentTarget as HTMLInputElement).value
          }}
        />
      </label>
      <button type="submit" class="cm-button cm-primary">
        Add fault
      </button>
    </form>
  )
}

function actionOf(type: ActionType, value: string): FaultAction {
  if (type === 'error') return { type, errorCode: value }
  if (type === 'status') return { type, status: Number(value) }
  if (type === 'latency') return { type, ms: Number(value) }
  return { type }
}

function matchText(fault: ActiveFault): string {
  const match = fault.match ?? {}
  const parts = Object.entries(match).map(([key, value]) =>
    key === 'operationId' ? String(value) : `${key}=${String(value)}`,
  )
  return parts.length > 0 ? parts.join(' · ') : 'every call'
}

function actionText(action: FaultAction): string {
  if (action.type === 'error') return `error ${action.errorCode}`
  if (action.type === 'status') return `HTTP ${action.status}`
  if (action.type === 'latency') {
    return action.ms !== undefined ? `+${action.ms} ms` : `+${action.min}–${action.max} ms`
  }
  return action.type
}
