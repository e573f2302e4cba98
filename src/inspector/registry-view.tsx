import { useComputed, useSignal } from '@preact/signals'
import { countdown } from './format.ts'
import { RegistryDetail, type Selection } from './registry-detail.tsx'
import { type RegistryFilters, type RegistryRow, registryRows } from './registry-rows.ts'
import type { InspectorStore } from './store.ts'
import { VirtualList } from './virtual-list.tsx'

const ROW_HEIGHT = 30
const STATUSES = ['UP', 'DOWN', 'STARTING', 'TESTING', 'OUTOFSERVICE']

/**
 * The registry tab: filters, the virtualised tree of tenants, apps, services and instances, and
 * the detail of what is selected.
 * @example
 * <RegistryView store={store} />
 */
export function RegistryView({ store }: { store: InspectorStore }) {
  const filters = useSignal<RegistryFilters>({ text: '', status: '', tenant: '', app: '' })
  const collapsed = useSignal<ReadonlySet<string>>(new Set())
  const selection = useSignal<Selection | undefined>(undefined)
  const rows = useComputed(() => registryRows(store.registry.value, filters.value, collapsed.value))
  const tenants = useComputed(() =>
    (store.registry.value?.tenants ?? []).map((t) => `${t.domain}/${t.project}`),
  )
  const apps = useComputed(() => {
    const names = new Set<string>()
    for (const tenant of store.registry.value?.tenants ?? []) {
      for (const entry of tenant.services) names.add(entry.service.appId ?? 'default')
    }
    return [...names].sort()
  })
  const set = (patch: Partial<RegistryFilters>) => {
    filters.value = { ...filters.value, ...patch }
  }
  const toggle = (key: string) => {
    const next = new Set(collapsed.value)
    if (!next.delete(key)) next.add(key)
    collapsed.value = next
  }
  const list = rows.value
  return (
    <div class="cm-split">
      <section class="cm-main">
        <div class="cm-toolbar">
          <input
            type="search"
            class="cm-search"
            placeholder="Search services, instances, endpoints, tags…"
            aria-label="Search the registry"
            value={filters.value.text}
            onInput={(event) => set({ text: (event.currentTarget as HTMLInputElement).value })}
          />
          <Select
            label="Tenant"
            value={filters.value.tenant}
            options={tenants.value}
            onChange={(tenant) => set({ tenant })}
          />
          <Select
            label="App"
            value={filters.value.app}
            options={apps.value}
            onChange={(app) => set({ app })}
          />
          <Select
            label="Status"
            value={filters.value.status}
            options={STATUSES}
            onChange={(status) => set({ status })}
          />
        </div>
        {store.registry.value && list.length <= 1 ? (
          <p class="cm-empty">
            {store.registry.value.tenants.length === 0
              ? 'The registry is empty. Register a service, or seed it from the Clock & state tab.'
              : 'Nothing matches the filters.'}
          </p>
        ) : (
          <VirtualList
            label="Registry"
            testId="registry-list"
            count={list.length}
            rowHeight={ROW_HEIGHT}
            keyOf={(index) => list[index]!.key}
            row={(index) => (
              <Row
                row={list[index]!}
                store={store}
                collapsed={collapsed.value}
                selected={selection.value}
                onToggle={toggle}
                onSelect={(next) => {
                  selection.value = next
                }}
              />
            )}
          />
        )}
      </section>
      <aside class="cm-side">
        <RegistryDetail store={store} selection={selection.value} />
      </aside>
    </div>
  )
}

function Row(props: {
  row: RegistryRow
  store: InspectorStore
  collapsed: ReadonlySet<string>
  selected: Selection | undefined
  onToggle: (key: string) => void
  onSelect: (selection: Selection) => void
}) {
  const { row, collapsed, selected } = props
  if (row.kind === 'tenant') {
    return (
      <div class="cm-row cm-row-tenant">
        <span class="cm-kind">tenant</span>
        <strong>{row.key}</strong>
        <span class="cm-muted">
          {row.services} services · {row.instances} instances
        </span>
      </div>
    )
  }
  if (row.kind === 'app') {
    const open = !collapsed.has(row.key)
    return (
      <button type="button" class="cm-row cm-row-app" onClick={() => props.onToggle(row.key)}>
        <span class="cm-caret">{open ? '▾' : '▸'}</span>
        <span class="cm-kind">app</span>
        <strong>{row.app}</strong>
        <span class="cm-muted">{row.services} services</span>
      </button>
    )
  }
  if (row.kind === 'service') {
    const { service, instances, tags } = row.entry
    const open = !collapsed.has(row.key)
    const isSelected = selected?.serviceId === service.serviceId && !selected?.instanceId
    return (
      <div
        class={`cm-row cm-row-service${isSelected ? ' cm-selected' : ''}`}
        data-service-name={service.serviceName}
        data-service-id={service.serviceId}
      >
        <button
          type="button"
          class="cm-caret"
          aria-label={open ? 'Collapse' : 'Expand'}
          onClick={() => props.onToggle(row.key)}
        >
          {open ? '▾' : '▸'}
        </button>
        <button
          type="button"
          class="cm-row-main"
          onClick={() =>
            props.onSelect({ tenantKey: row.tenantKey, serviceId: service.serviceId ?? '' })
          }
        >
          <strong class="cm-name">{service.serviceName}</strong>
          <span class="cm-version">{service.version}</span>
          {service.environment ? <span class="cm-tag">{service.environment}</span> : null}
          {Object.entries(tags)
            .slice(0, 3)
            .map(([key, value]) => (
              <span class="cm-tag" key={key}>
                {key}={value}
              </span>
            ))}
          <span class="cm-count" title="instances UP / all">
            {row.up}/{instances.length} up
          </span>
        </button>
      </div>
    )
  }
  const { instance } = row
  const remaining = instance.leaseExpiresAt - props.store.now.value
  const isSelected = selected?.instanceId === instance.instanceId
  return (
    <button
      type="button"
      class={`cm-row cm-row-instance${isSelected ? ' cm-selected' : ''}`}
      data-instance-id={instance.instanceId}
      onClick={() =>
        props.onSelect({
          tenantKey: row.tenantKey,
          serviceId: row.entry.service.serviceId ?? '',
          instanceId: instance.instanceId ?? '',
        })
      }
    >
      <span class={`cm-status cm-status-${(instance.status ?? 'UP').toLowerCase()}`}>
        {instance.status ?? 'UP'}
      </span>
      <span class="cm-host">{instance.hostName}</span>
      <span class="cm-endpoint">{instance.endpoints?.[0] ?? '—'}</span>
      {(instance.endpoints?.length ?? 0) > 1 ? (
        <span class="cm-muted">+{(instance.endpoints?.length ?? 1) - 1}</span>
      ) : null}
      <span class={`cm-lease${remaining < 30_000 ? ' cm-lease-low' : ''}`} title="lease left">
        lease {countdown(remaining)}
      </span>
    </button>
  )
}

function Select(props: {
  label: string
  value: string
  options: string[]
  onChange: (value: string) => void
}) {
  return (
    <label class="cm-select">
      <span>{props.label}</span>
      <select
        value={props.value}
        onChange={(event) => props.onChange((event.currentTarget as HTMLSelectElement).value)}
      >
        <option value="">all</option>
        {props.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </label>
  )
}
