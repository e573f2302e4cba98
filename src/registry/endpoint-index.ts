import { RegistryError } from './errors.ts'
import type { MicroServiceInstance } from './model.ts'
import type { InstanceSlot, ServiceEntry } from './tenant.ts'

/**
 * The instances of a tenant by endpoint, for the `cse` profile's de-duplication (reference
 * §5.1). The key is an instance's lowest endpoint, the very string its record holds, so the
 * index adds no string of its own per instance (the full key below is ~100 bytes); a lookup
 * compares the full keys of the few instances under it. The value is the slot itself, or an
 * array when several share the key: no one-element `Set` per instance.
 * @example
 * const index: EndpointIndex = new Map()
 */
export type EndpointIndex = Map<string, InstanceSlot | InstanceSlot[]>

/**
 * The de-duplication key of an instance: region, zone, `properties.nodeIP` and the sorted
 * endpoints, as Service Center 0.5 built it (reference §5.1).
 * @example
 * endpointKeyOf(instance)
 */
export function endpointKeyOf(instance: MicroServiceInstance): string | undefined {
  if (!instance.endpoints?.length) return undefined
  const { region = '', availableZone = '' } = instance.dataCenterInfo ?? {}
  const nodeIP = instance.properties?.nodeIP ?? ''
  const { endpoints } = instance
  if (endpoints.length === 1) return `${region}/${availableZone}/${nodeIP}/${endpoints[0]}`
  return [region, availableZone, nodeIP, ...[...endpoints].sort()].join('/')
}

/**
 * Huawei-doc mode (§5.1): the instance of this service already using the endpoints of
 * `instance` (same full key), `undefined` when none does, 400025 when another service does.
 * @example
 * const reused = findSameEndpoints(entry, next)
 */
export function findSameEndpoints(
  entry: ServiceEntry,
  instance: MicroServiceInstance,
): InstanceSlot | undefined {
  const key = endpointKeyOf(instance)
  if (!key) return undefined
  const users = usersOf(entry.tenant.endpoints, lowestEndpoint(instance)!).filter(
    (slot) => endpointKeyOf(slot.record) === key,
  )
  if (users.length === 0) return undefined
  for (const slot of users) if (slot.record.serviceId === entry.record.serviceId) return slot
  throw new RegistryError(
    '400025',
    `Endpoints are already used by service ${users[0]!.record.serviceId}.`,
  )
}

/**
 * Keeps the index in step with the slot's current record. `previous` is the record it
 * replaced, if any: when the full key changed the slot moves to the end of the list, as it did
 * when the index was keyed by the full key.
 * @example
 * indexEndpoints(entry, slot, previous)
 */
export function indexEndpoints(
  entry: ServiceEntry,
  slot: InstanceSlot,
  previous?: MicroServiceInstance,
): void {
  const record = slot.record
  if (
    previous &&
    sameStrings(previous.endpoints, record.endpoints) &&
    previous.dataCenterInfo?.region === record.dataCenterInfo?.region &&
    previous.dataCenterInfo?.availableZone === record.dataCenterInfo?.availableZone &&
    previous.properties?.nodeIP === record.properties?.nodeIP
  ) {
    // The parts of the key are equal, so the key is: a re-registration usually sends them again.
    return
  }
  if (previous && endpointKeyOf(previous) === endpointKeyOf(record)) return
  unindexEndpoints(entry, slot)
  const key = lowestEndpoint(record)
  if (key !== undefined) {
    const index = entry.tenant.endpoints
    const users = index.get(key)
    if (users === undefined) index.set(key, slot)
    else if (Array.isArray(users)) users.push(slot)
    else index.set(key, [users, slot])
  }
  slot.endpointKey = key
}

/**
 * Takes the slot out of the index (deregistration, expiry, a change of endpoints).
 * @example
 * unindexEndpoints(entry, slot)
 */
export function unindexEndpoints(entry: ServiceEntry, slot: InstanceSlot): void {
  const key = slot.endpointKey
  if (key === undefined) return
  slot.endpointKey = undefined
  const index = entry.tenant.endpoints
  const users = index.get(key)
  if (users === slot) index.delete(key)
  else if (Array.isArray(users)) {
    const at = users.indexOf(slot)
    if (at >= 0) users.splice(at, 1)
    if (users.length === 1) index.set(key, users[0]!)
  }
}

function usersOf(index: EndpointIndex, key: string): readonly InstanceSlot[] {
  const users = index.get(key)
  if (users === undefined) return []
  return Array.isArray(users) ? users : [users]
}

function lowestEndpoint(instance: MicroServiceInstance): string | undefined {
  const endpoints = instance.endpoints
  if (!endpoints?.length) return undefined
  let lowest = endpoints[0]!
  for (const endpoint of endpoints) if (endpoint < lowest) lowest = endpoint
  return lowest
}

function sameStrings(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true
  if (!a || !b || a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}
