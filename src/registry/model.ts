import type { components } from '../generated/schema.ts'

// The spec's component types under their own names (never renamed), in one place for the domain.

/** A stored service as the spec describes it. @example const s: MicroService = { serviceId: 'x', appId: 'default', version: '0.0.1', level: 'BACK', status: 'UP' } */
export type MicroService = components['schemas']['MicroService']
/** A stored instance. @example const i: MicroServiceInstance = { status: 'UP', hostName: 'node-1' } */
export type MicroServiceInstance = components['schemas']['MicroServiceInstance']
/** An instance's health check. @example const h: HealthCheck = { mode: 'push', interval: 30, times: 3 } */
export type HealthCheck = components['schemas']['HealthCheck']
/** Where an instance runs. @example const d: DataCenterInfo = { name: 'dc', region: 'r1', availableZone: 'az1' } */
export type DataCenterInfo = components['schemas']['DataCenterInfo']
/** A service identity or dependency key. @example const k: MicroServiceKey = { appId: 'shop', serviceName: 'cart' } */
export type MicroServiceKey = components['schemas']['MicroServiceKey']
/** A contract of a service. @example const s: Schema = { schemaId: 'hello', summary: 'abc' } */
export type Schema = components['schemas']['Schema']
/** The create-service body. @example const b: CreateServiceRequest = { service: { serviceName: 'cart', appId: 'shop', version: '1.0.0', level: 'BACK', status: 'UP' } } */
export type CreateServiceRequest = components['schemas']['CreateServiceRequest']
/** The batch-find body. @example const b: BatchFindRequest = { services: [{ service: { appId: 'shop', serviceName: 'cart' } }] } */
export type BatchFindRequest = components['schemas']['BatchFindRequest']
/** The batch-find answer. @example const r: BatchFindResponse = {} */
export type BatchFindResponse = components['schemas']['BatchFindResponse']
/** One part (services or instances) of the batch-find answer. @example const r: BatchFindResult = { notModified: [0] } */
export type BatchFindResult = components['schemas']['BatchFindResult']
/** One updated batch-find entry. @example const r: FindResult = { index: 0, rev: 'abc' } */
export type FindResult = components['schemas']['FindResult']
/** Failed batch-find entries sharing one error. @example const r: FindFailedResult = { indexes: [0], error: { errorCode: '400012', errorMessage: 'Micro-service does not exist' } } */
export type FindFailedResult = components['schemas']['FindFailedResult']
/** The batch-heartbeat list answer. @example const r: HeartbeatSetResponse = { instances: [] } */
export type HeartbeatSetResponse = components['schemas']['HeartbeatSetResponse']
/** One batch-heartbeat entry. @example const r: InstanceHbResult = { serviceId: 's', instanceId: 'i' } */
export type InstanceHbResult = components['schemas']['InstanceHbResult']
/** The batch-delete list answer. @example const r: DeleteServicesResponse = { services: [] } */
export type DeleteServicesResponse = components['schemas']['DeleteServicesResponse']
/** One batch-delete entry. @example const r: DelServicesRspInfo = { serviceId: 's' } */
export type DelServicesRspInfo = components['schemas']['DelServicesRspInfo']
/** The version endpoint's answer. @example const v: VersionResponse = { version: '2.2.0' } */
export type VersionResponse = components['schemas']['VersionResponse']
/** One instance change pushed to a watcher. @example const e: WatchEvent = { action: 'CREATE' } */
export type WatchEvent = components['schemas']['WatchEvent']
/** The add-dependencies body. @example const b: AddDependenciesRequest = { dependencies: [] } */
export type AddDependenciesRequest = components['schemas']['AddDependenciesRequest']
/** The put-dependencies body. @example const b: PutDependenciesRequest = { dependencies: [] } */
export type PutDependenciesRequest = components['schemas']['PutDependenciesRequest']
/** The token body. @example const b: TokenRequest = { name: 'root', password: 'secret', tokenExpirationTime: '30m' } */
export type TokenRequest = components['schemas']['TokenRequest']
