import { type ComponentChildren, Fragment } from 'preact'
import type { InspectedService, InspectedTenant, MicroServiceKey } from '../registry/index.ts'
import { countdown } from './format.ts'
import type { InspectorStore } from './store.ts'

/**
 * What the registry view has selected: a service, or one of its instances.
 * @example
 * const selection: Selection = { tenantKey: 'default/default', serviceId: 'abc' }
 */
export interface Selection {
  tenantKey: string
  serviceId: string
  instanceId?: string
}

/**
 * The side pane of the registry tab: the selected service (properties, tags, schemas,
 * dependencies) or instance (endpoints, properties, lease), else every dependency.
 * @example
 * <RegistryDetail store={store} selection={selection} />
 */
export function RegistryDetail(props: { store: InspectorStore; selection: Selection | undefined }) {
  const view = props.store.registry.value
  const { selection } = props
  if (!view) return <p class="cm-empty">Loading…</p>
  if (!selection) return <AllDependencies tenants={view.tenants} />
  const tenant = view.tenants.find((t) => `${t.domain}/${t.project}` === selection.tenantKey)
  const entry = tenant?.services.find((s) => s.service.serviceId === selection.serviceId)
  if (!tenant || !entry) {
    return <p class="cm-empty">That service is no longer in the registry.</p>
  }
  if (selection.instanceId) {
    const instance = entry.instances.find((i) => i.instanceId === selection.instanceId)
    if (!instance) return <p class="cm-empty">That instance is no longer in the registry.</p>
    const remaining = instance.leaseExpiresAt - props.store.now.value
    return (
      <div class="cm-detail" data-testid="instance-detail">
        <h3>
          {entry.service.serviceName} <span class="cm-version">{entry.service.version}</span>
        </h3>
        <Fields
          fields={{
            instanceId: instance.instanceId,
            status: instance.status,
            hostName: instance.hostName,
            lease: `${countdown(remaining)} left (${instance.healthCheck?.mode ?? 'push'}, every ${instance.healthCheck?.interval ?? 30}s × ${(instance.healthCheck?.times ?? 3) + 1})`,
            timestamp: seconds(instance.timestamp),
            modTimestamp: seconds(instance.modTimestamp),
          }}
        />
        <Section title="Endpoints">
          <ul class="cm-list">
            {(instance.endpoints ?? []).map((endpoint) => (
              <li key={endpoint}>
                <code>{endpoint}</code>
              </li>
            ))}
          </ul>
        </Section>
        <Section title="Properties">
          <Fields fields={instance.properties ?? {}} />
        </Section>
        {instance.dataCenterInfo ? (
          <Section title="Data center">
            <Fields fields={{ ...instance.dataCenterInfo }} />
          </Section>
        ) : null}
      </div>
    )
  }
  const { service } = entry
  return (
    <div class="cm-detail" data-testid="service-detail">
      <h3>
        {service.serviceName} <span class="cm-version">{service.version}</span>
      </h3>
      <Fields
        fields={{
          serviceId: service.serviceId,
          appId: service.appId,
          environment: service.environment,
          alias: service.alias,
          level: service.level,
          status: service.status,
          framework: service.framework
            ? `${service.framework.name ?? ''} ${service.framework.version ?? ''}`
            : undefined,
          registerBy: service.registerBy,
          timestamp: seconds(service.timestamp),
        }}
      />
      <Section title={`Instances (${entry.instances.length})`}>
        <p class="cm-muted">
          {entry.instances.filter((i) => i.status === 'UP').length} UP, select one in the list.
        </p>
      </Section>
      <Section title="Properties">
        <Fields fields={service.properties ?? {}} />
      </Section>
      <Section title="Tags">
        <Fields fields={entry.tags} />
      </Section>
      <Section title={`Schemas (${entry.schemas.length})`}>
        <ul class="cm-list">
          {entry.schemas.map((schema) => (
            <li key={schema.schemaId}>
              <code>{schema.schemaId}</code>{' '}
              <span class="cm-muted">
                {schema.summary ? `summary ${schema.summary.slice(0, 12)} · ` : ''}
                {schema.length} chars
              </span>
            </li>
          ))}
        </ul>
      </Section>
      <Dependencies tenant={tenant} entry={entry} />
    </div>
  )
}

function Dependencies({ tenant, entry }: { tenant: InspectedTenant; entry: InspectedService }) {
  const id = entry.service.serviceId
  const providers = tenant.dependencies.find((d) => d.consumerId === id)?.providers ?? []
  const consumers = tenant.dependencies
    .filter((d) => d.providers.some((p) => covers(p, entry)))
    .map((d) => nameOf(tenant, d.consumerId))
  return (
    <>
      <Section title="Depends on">
        <ul class="cm-list">
          {providers.map((p) => (
            <li key={keyText(p)}>{keyText(p)}</li>
          ))}
        </ul>
      </Section>
      <Section title="Used by">
        <ul class="cm-list">
          {consumers.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      </Section>
    </>
  )
}

function AllDependencies({ tenants }: { tenants: InspectedTenant[] }) {
  const lines: string[] = []
  for (const tenant of tenants) {
    for (const dependency of tenant.dependencies) {
      for (const provider of dependency.providers) {
        lines.push(`${nameOf(tenant, dependency.consumerId)} → ${keyText(provider)}`)
      }
    }
  }
  return (
    <div class="cm-detail" data-testid="dependencies">
      <h3>Dependencies</h3>
      <p class="cm-muted">consumer → provider. Select a service or an instance for its detail.</p>
      {lines.length === 0 ? (
        <p class="cm-muted">No dependency is recorded.</p>
      ) : (
        <ul class="cm-list">
          {lines.slice(0, 500).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  )
}

function covers(provider: MicroServiceKey, entry: InspectedService): boolean {
  const { service } = entry
  return (
    provider.serviceName === service.serviceName &&
    (provider.appId ?? 'default') === (service.appId ?? 'default') &&
    (provider.environment ?? '') === (service.environment ?? '')
  )
}

function nameOf(tenant: InspectedTenant, serviceId: string): string {
  const service = tenant.services.find((s) => s.service.serviceId === serviceId)?.service
  return service ? `${service.serviceName} ${service.version}` : serviceId
}

function keyText(key: MicroServiceKey): string {
  return `${key.appId ?? 'default'}/${key.serviceName ?? '*'} ${key.version ?? ''}`.trim()
}

function seconds(value: string | undefined): string | undefined {
  if (!value || !/^\d+$/.test(value)) return value
  return new Date(Number(value) * 1000).toISOString().replace('.000Z', 'Z')
}

function Section(props: { title: string; children: ComponentChildren }) {
  return (
    <section class="cm-section">
      <h4>{props.title}</h4>
      {props.children}
    </section>
  )
}

function Fields({ fields }: { fields: Record<string, string | number | undefined> }) {
  const entries = Object.entries(fields).filter(([, value]) => value !== undefined && value !== '')
  if (entries.length === 0) return <p class="cm-muted">none</p>
  return (
    <dl class="cm-fields">
      {entries.map(([key, value]) => (
        <Fragment key={key}>
          <dt>{key}</dt>
          <dd>{String(value)}</dd>
        </Fragment>
      ))}
    </dl>
  )
}
