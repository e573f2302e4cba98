/**
 * cse-mock: a mock of the Huawei Cloud CSE / Apache ServiceComb Service Center registry API.
 * This entry is environment-neutral; `cse-mock/node`, `cse-mock/browser`, `cse-mock/server`,
 * `cse-mock/vitest`, `cse-mock/client` and `cse-mock/contract` bind it to a runtime.
 */
export { CONTROL_PREFIX, createControlHandlers, withControlHandlers } from './control/index.ts'
export type { FaultController } from './faults/controller.ts'
export { InvalidFaultRuleError, InvalidRequestLogOptionsError } from './faults/errors.ts'
export type { RequestLog } from './faults/request-log.ts'
export type {
  ActiveFault,
  FaultAction,
  FaultMatch,
  FaultRule,
  RequestLogEntry,
} from './faults/types.ts'
export { createHttpHandlers } from './http/handlers.ts'
export { OPERATIONS } from './http/operations.ts'
export { type CseMock, CseMockError, type CseMockOptions, createCseMock } from './mock.ts'
export {
  type Clock,
  createRegistry,
  createSystemClock,
  createVirtualClock,
  ERROR_MESSAGES,
  PROFILE_DIFFERENCES,
  type Profile,
  type ProfileDifference,
  Registry,
  RegistryError,
  type RegistryOptions,
  type RequestContext,
  SNAPSHOT_FORMAT,
  type Snapshot,
} from './registry/index.ts'
export type {
  DataCenterInfo,
  HealthCheck,
  MicroService,
  MicroServiceInstance,
  MicroServiceKey,
  Schema,
  WatchEvent,
} from './registry/model.ts'
export type { SnapshotDependency, SnapshotService, SnapshotTenant } from './registry/snapshot.ts'
export {
  createSeedSnapshot,
  DEFAULT_SEED_OPTIONS,
  describeSnapshot,
  InvalidSeedOptionsError,
  InvalidSnapshotError,
  parseSnapshot,
  type ResolvedSeedOptions,
  SEED_PRESETS,
  type SeedOptions,
  type SeedPresetName,
  type SnapshotCounts,
  serializeSnapshot,
} from './seed/index.ts'
