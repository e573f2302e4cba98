export type { Clock, VirtualClock } from './clock.ts'
export { createSystemClock, createVirtualClock, unixSeconds } from './clock.ts'
export type { Quotas, RequestContext } from './core.ts'
export type { FindQuery } from './discovery.ts'
export type { ErrorBody, ErrorCode } from './errors.ts'
export { ERROR_MESSAGES, RegistryError, RegistryUsageError } from './errors.ts'
export type { ExistenceQuery } from './existence.ts'
export type { GovernListQuery } from './govern.ts'
export { newInstanceId, serviceIdFor } from './ids.ts'
export type {
  InspectedInstance,
  InspectedService,
  InspectedTenant,
  RegistryInspection,
} from './inspection.ts'
export type { InstanceReadOptions } from './instance-queries.ts'
export { DEFAULT_HEALTH_CHECK, normalizeHealthCheck, ttlMs } from './leases.ts'
export type {
  BatchFindRequest,
  BatchFindResponse,
  CreateServiceRequest,
  DeleteServicesResponse,
  Graph,
  GraphNode,
  HealthCheck,
  HeartbeatSetResponse,
  MicroService,
  MicroServiceInstance,
  MicroServiceKey,
  Schema,
  ServiceDetail,
  Statistics,
  VersionResponse,
  WatchEvent,
} from './model.ts'
export { omitEmpty } from './output.ts'
export type { Profile, ProfileDifference, ProfileRules } from './profile.ts'
export { PROFILE_DIFFERENCES, PROFILE_RULES, rulesOf } from './profile.ts'
export { createRegistry, Registry } from './registry.ts'
export type { RegistryOptions } from './registry-base.ts'
export type { Revisioned } from './revisions.ts'
export type { Snapshot, SnapshotDependency, SnapshotService, SnapshotTenant } from './snapshot.ts'
export { SNAPSHOT_FORMAT } from './snapshot.ts'
export type { RecordIssue, RecordValidator } from './standard-schema.ts'
export { createStandardSchema } from './standard-schema.ts'
export { parseGoDuration, tokenLifetimeMs } from './token.ts'
export type { ParsedVersion, VersionRule } from './version.ts'
export {
  compareVersions,
  matchesRule,
  parseVersion,
  parseVersionRule,
  selectVersions,
} from './version.ts'
export type { WatchListener } from './watch.ts'
