import type { Snapshot, SnapshotService } from '../../src/registry/snapshot.ts'

/** The registry's value rules the seeded data must follow (SC's validators). */
export const RULES = {
  name: /^[a-zA-Z0-9]*$|^[a-zA-Z0-9][a-zA-Z0-9_\-.]*[a-zA-Z0-9]$/,
  version: /^\d+(\.\d+){0,3}$/,
  serviceId: /^[0-9a-f]{40}$/,
  instanceId: /^[0-9a-f]{32}$/,
  tag: /^[a-zA-Z][a-zA-Z0-9_\-.]{0,63}$/,
  schemaId: /^[a-zA-Z0-9]+$|^[a-zA-Z0-9][a-zA-Z0-9_\-.]*[a-zA-Z0-9]$/,
  summary: /^[a-zA-Z0-9]{1,128}$/,
  dcName: /^[A-Za-z0-9_.-]+$/,
  endpoint: /^(rest|highway):\/\/10\.\d{1,3}\.\d{1,3}\.\d{1,3}:\d{1,5}\?sslEnabled=false$/,
  env: /^(development|testing|acceptance|production)?$/,
}

/** Every service entry of every tenant. */
export function allEntries(snapshot: Snapshot): SnapshotService[] {
  return snapshot.tenants.flatMap((tenant) => tenant.services)
}
