import type {
  InspectedInstance,
  InspectedService,
  InspectedTenant,
  RegistryInspection,
} from '../registry/index.ts'

/**
 * One line of the registry view: a tenant, an app, a service version or an instance.
 * @example
 * const row: RegistryRow = { kind: 'app', key: 'default/default\u0000shop', app: 'shop', services: 3 }
 */
export type RegistryRow =
  | { kind: 'tenant'; key: string; tenant: InspectedTenant; services: number; instances: number }
  | { kind: 'app'; key: string; app: string; services: number }
  | { kind: 'service'; key: string; tenantKey: string; entry: InspectedService; up: number }
  | {
      kind: 'instance'
      key: string
      tenantKey: string
      entry: InspectedService
      instance: InspectedInstance
    }

/**
 * What the registry view narrows to: free text, an instance status, a tenant, an app.
 * @example
 * const filters: RegistryFilters = { text: 'orders', status: 'UP', tenant: '', app: '' }
 */
export interface RegistryFilters {
  text: string
  status: string
  tenant: string
  app: string
}

/**
 * Flattens a registry into the rows the view draws, filtered, sorted (app, name, newest
 * version first) and with collapsed services' instances left out.
 * @example
 * const rows = registryRows(view, { text: '', status: '', tenant: '', app: '' }, new Set())
 */
export function registryRows(
  view: RegistryInspection | undefined,
  filters: RegistryFilters,
  collapsed: ReadonlySet<string>,
): RegistryRow[] {
  const rows: RegistryRow[] = []
  if (!view) return rows
  const text = filters.text.trim().toLowerCase()
  for (const tenant of view.tenants) {
    const tenantKey = `${tenant.domain}/${tenant.project}`
    if (filters.tenant && filters.tenant !== tenantKey) continue
    const tenantRow: RegistryRow = {
      kind: 'tenant',
      key: tenantKey,
      tenant,
      services: 0,
      instances: 0,
    }
    rows.push(tenantRow)
    const byApp = new Map<string, InspectedService[]>()
    for (const entry of tenant.services) {
      const app = entry.service.appId ?? 'default'
      if (filters.app && filters.app !== app) continue
      const list = byApp.get(app)
      if (list) list.push(entry)
      else byApp.set(app, [entry])
    }
    for (const app of [...byApp.keys()].sort()) {
      const appKey = `${tenantKey}\u0000${app}`
      const appRow: RegistryRow = { kind: 'app', key: appKey, app, services: 0 }
      const appRows: RegistryRow[] = []
      for (const entry of byApp.get(app)!.sort(byNameThenVersion)) {
        const serviceMatches = !text || serviceText(entry).includes(text)
        const instances = entry.instances.filter(
          (instance) =>
            (!filters.status || instance.status === filters.status) &&
            (serviceMatches || instanceText(instance).includes(text)),
        )
        // A service stays when its own text matches; with a status filter it needs an instance.
        if (instances.length === 0 && (filters.status || !serviceMatches)) continue
        const key = `${tenantKey}\u0000${entry.service.serviceId}`
        const up = entry.instances.filter((instance) => instance.status === 'UP').length
        appRows.push({ kind: 'service', key, tenantKey, entry, up })
        appRow.services++
        tenantRow.services++
        tenantRow.instances += instances.length
        if (collapsed.has(key) || collapsed.has(appKey)) continue
        for (const instance of instances) {
          appRows.push({
            kind: 'instance',
            key: `${key}\u0000${instance.instanceId}`,
            tenantKey,
            entry,
            instance,
          })
        }
      }
      if (appRow.services === 0) continue
      rows.push(appRow)
      if (collapsed.has(appKey)) continue
      for (const row of appRows) rows.push(row)
    }
  }
  return rows
}

function byNameThenVersion(a: InspectedService, b: InspectedService): number {
  const name = (a.service.serviceName ?? '').localeCompare(b.service.serviceName ?? '')
  if (name !== 0) return name
  return compareVersionsDescending(a.service.version ?? '', b.service.version ?? '')
}

function compareVersionsDescending(a: string, b: string): number {
  const left = a.split('.').map(Number)
  const right = b.split('.').map(Number)
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (right[i] ?? 0) - (left[i] ?? 0)
    if (difference !== 0) return difference
  }
  return 0
}

function serviceText(entry: InspectedService): string {
  const { service, tags } = entry
  return [
    service.serviceId,
    service.serviceName,
    service.appId,
    service.version,
    service.alias,
    ...Object.entries(tags).map(([key, value]) => `${key}=${value}`),
  ]
    .join(' ')
    .toLowerCase()
}

function instanceText(instance: InspectedInstance): string {
  return [instance.instanceId, instance.hostName, ...(instance.endpoints ?? [])]
    .join(' ')
    .toLowerCase()
}
