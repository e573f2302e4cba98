import { sha1Hex } from './sha1.ts'

/**
 * The identity of a service: tenant plus environment, appId, serviceName and version (§2.1).
 * @example
 * const key: ServiceIdentity = { domain: 'default', project: 'default', environment: '', appId: 'shop', serviceName: 'cart', version: '1.0.0' }
 */
export interface ServiceIdentity {
  domain: string
  project: string
  environment: string
  appId: string
  serviceName: string
  version: string
}

/**
 * A deterministic 40-hex serviceId derived from the identity, so deleting and re-creating the
 * same service gives the same id, as Service Center's default `context` generator does (§4.1):
 * the SHA-1 of the service's etcd index key,
 * `/cse-sr/ms/indexes/{domain}/{project}/{environment}/{appId}/{serviceName}/{version}`. The
 * same service therefore gets the same id from the mock as from Service Center.
 * @example
 * serviceIdFor({ domain: 'default', project: 'default', environment: '', appId: 'shop', serviceName: 'cart', version: '1.0.0' }).length // 40
 */
export function serviceIdFor(identity: ServiceIdentity): string {
  const { domain, project, environment, appId, serviceName, version } = identity
  return sha1Hex(
    ['/cse-sr/ms/indexes', domain, project, environment, appId, serviceName, version].join('/'),
  )
}

/**
 * A fresh instanceId: 32 lowercase hex digits, a UUIDv4 without dashes (§2.2).
 * @example
 * newInstanceId() // e.g. '3f2b…' (32 chars)
 */
export function newInstanceId(): string {
  const bytes = new Uint8Array(16)
  globalThis.crypto.getRandomValues(bytes)
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  let hex = ''
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0')
  return hex
}
