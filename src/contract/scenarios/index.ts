import type { ProfileProbe } from '../framework/profile.ts'
import type { Scenario } from '../framework/scenario.ts'
import { authAccounts } from './auth-accounts.ts'
import { authLockout, authRoles } from './auth-roles.ts'
import { authTokens } from './auth-tokens.ts'
import { crossApp, dependencies } from './dependencies.ts'
import { batchInstanceUpdates, discovery } from './discovery.ts'
import { govern } from './govern.ts'
import { instanceErrors, instanceLifecycle } from './instances.ts'
import { meta } from './meta.ts'
import { batchHeartbeatResponse, dependencyVersion, versionRules } from './probes-discovery.ts'
import {
  duplicateEndpoints,
  endpointsRequired,
  heartbeatMinimum,
  reRegisterLiveInstance,
} from './probes-instances.ts'
import { tokenWithoutAccounts } from './probes-meta.ts'
import { batchDeleteResponse, defaultEnvironment, restrictSchemaEdits } from './probes-services.ts'
import { schemas } from './schemas.ts'
import { serviceDeletion } from './service-deletion.ts'
import { serviceLifecycle } from './services.ts'
import { tags } from './tags.ts'
import { websockets } from './websockets.ts'

/**
 * Every scenario of the suite, in the order they run.
 * @example
 * SCENARIOS.map((scenario) => scenario.name)
 */
export const SCENARIOS: readonly Scenario[] = [
  meta,
  serviceLifecycle,
  serviceDeletion,
  instanceLifecycle,
  instanceErrors,
  discovery,
  batchInstanceUpdates,
  tags,
  schemas,
  dependencies,
  crossApp,
  websockets,
  govern,
  authTokens,
  authRoles,
  authAccounts,
  authLockout,
]

/**
 * Every profile probe, in the order of the registry's difference list. The storage-failure
 * code cannot be provoked without breaking the registry, so it has no probe.
 * @example
 * PROFILE_PROBES.map((probe) => probe.key)
 */
export const PROFILE_PROBES: readonly ProfileProbe[] = [
  reRegisterLiveInstance,
  duplicateEndpoints,
  versionRules,
  dependencyVersion,
  heartbeatMinimum,
  restrictSchemaEdits,
  batchHeartbeatResponse,
  batchDeleteResponse,
  defaultEnvironment,
  endpointsRequired,
  tokenWithoutAccounts,
]
