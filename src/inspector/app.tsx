import { useSignal } from '@preact/signals'
import { useEffect } from 'preact/hooks'
import { FaultsView } from './faults-view.tsx'
import { RegistryView } from './registry-view.tsx'
import { ShadowTab } from './shadow-tab.tsx'
import { StateView } from './state-view.tsx'
import type { InspectorStore } from './store.ts'
import { TrafficView } from './traffic-view.tsx'

type Tab = 'registry' | 'traffic' | 'faults' | 'state' | 'shadow'

/**
 * The whole inspector: header with live counters, and the four tabs, five while the server
 * shadows a live registry.
 * @example
 * render(<InspectorApp store={store} />, element)
 */
export function InspectorApp(props: {
  store: InspectorStore
  onClose?: () => void
  /** Given, the page asks for a token when the control API answers 401. */
  onToken?: (token: string) => void
}) {
  const { store } = props
  const tab = useSignal<Tab>('registry')
  useEffect(() => store.start(), [store])
  const view = store.registry.value
  let services = 0
  let instances = 0
  for (const tenant of view?.tenants ?? []) {
    services += tenant.services.length
    for (const entry of tenant.services) instances += entry.instances.length
  }
  const shadow = store.shadow.value?.active ? store.shadow.value : undefined
  const tabs: [Tab, string, number | undefined][] = [
    ['registry', 'Registry', instances],
    ['traffic', 'Traffic', store.requests.value.length],
    ['faults', 'Faults', store.faults.value.length],
    ['state', 'Clock & state', undefined],
  ]
  // Records with an unexpected difference: what someone watching a shadow session looks for.
  if (shadow)
    tabs.push(['shadow', 'Shadow', shadow.operations.reduce((n, op) => n + op.unlabelled, 0)])
  const current = tab.value === 'shadow' && !shadow ? 'registry' : tab.value
  return (
    <div class="cm-app">
      <header class="cm-header">
        <div class="cm-brand">
          <span class="cm-logo" aria-hidden="true">
            ◆
          </span>
          cse-mock <span class="cm-brand-sub">inspector</span>
        </div>
        <div class="cm-tabs" role="tablist">
          {tabs.map(([id, label, count]) => (
            <button
              type="button"
              role="tab"
              key={id}
              data-tab={id}
              aria-selected={current === id}
              class={`cm-tab${current === id ? ' cm-tab-on' : ''}`}
              onClick={() => {
                tab.value = id
              }}
            >
              {label}
              {count !== undefined ? <span class="cm-badge">{count}</span> : null}
            </button>
          ))}
        </div>
        <div class="cm-status-bar">
          <span class="cm-muted">
            {services} services · {instances} instances · {store.profile.value ?? '…'}
            {store.clock.value?.virtual ? ' · virtual clock' : ''}
          </span>
          <span
            class={`cm-live${store.live.value ? ' cm-live-on' : ''}`}
            data-testid="live"
            title={store.live.value ? 'watching the registry' : 'reconnecting'}
          >
            {store.live.value ? 'live' : 'offline'}
          </span>
          {props.onClose ? (
            <button
              type="button"
              class="cm-icon"
              aria-label="Close the inspector"
              onClick={props.onClose}
            >
              ×
            </button>
          ) : null}
        </div>
      </header>
      {store.error.value ? (
        <div class="cm-error" role="alert">
          {store.error.value}
          <button
            type="button"
            class="cm-icon"
            aria-label="Dismiss"
            onClick={() => {
              store.error.value = undefined
            }}
          >
            ×
          </button>
        </div>
      ) : null}
      {store.needsToken.value && props.onToken ? <TokenForm onToken={props.onToken} /> : null}
      <main class="cm-body-area">
        {current === 'registry' ? <RegistryView store={store} /> : null}
        {current === 'traffic' ? <TrafficView store={store} /> : null}
        {current === 'faults' ? <FaultsView store={store} /> : null}
        {current === 'state' ? <StateView store={store} /> : null}
        {current === 'shadow' && shadow ? <ShadowTab view={shadow} /> : null}
      </main>
    </div>
  )
}

function TokenForm({ onToken }: { onToken: (token: string) => void }) {
  const value = useSignal('')
  return (
    <form
      class="cm-form cm-token"
      onSubmit={(event) => {
        event.preventDefault()
        if (value.value.trim()) onToken(value.value.trim())
      }}
    >
      <label>
        <span>
          This registry has accounts: the control API needs the token of an admin account (POST
          /v4/token).
        </span>
        <input
          name="token"
          type="password"
          value={value.value}
          onInput={(event) => {
            value.value = (event.currentTarget as HTMLInputElement).value
          }}
        />
      </label>
      <button type="submit" class="cm-button cm-primary">
        Use token
      </button>
    </form>
  )
}
