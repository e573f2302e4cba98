import { RegistryUsageError } from './errors.ts'

/**
 * Which generation of the registry to imitate: `cse` follows Huawei's CSE API reference (the
 * classic Service Center ≤ 2.0 semantics), `servicecomb` follows Apache ServiceComb Service
 * Center 2.1+ (reference §0).
 * @example
 * const profile: Profile = 'servicecomb'
 */
export type Profile = 'cse' | 'servicecomb'

/**
 * One field per behaviour that differs between the profiles, so code asks about the behaviour
 * rather than the profile's name.
 * @example
 * if (PROFILE_RULES.cse.versionRules) console.log('version is a rule')
 */
export interface ProfileRules {
  /** A live instance re-registered with its own instanceId: rewrite it, or only renew its lease. */
  reRegisterLiveInstance: 'overwrite' | 'renew'
  /** A registration without instanceId repeating another instance's endpoints: reuse its id, or create. */
  duplicateEndpoints: 'reuse' | 'create'
  /** `version` in discovery, batch find and existence is a required version rule (else ignored / exact). */
  versionRules: boolean
  /** Dependencies recorded by discovery keep the rule used, or always cover all versions. */
  dependencyVersion: 'rule' | 'all'
  /** Lowest push-mode heartbeat `interval` / `times` accepted; smaller values are raised. */
  heartbeatMinimum: { interval: number; times: number } | undefined
  /** Schema edits are restricted for services in `production` or an empty environment. */
  restrictSchemaEdits: boolean
  /** Batch heartbeat answers: nothing or one error, or a per-instance list. */
  batchHeartbeatResponse: 'error' | 'list'
  /** Batch service delete answers: nothing or one error, or a per-service list. */
  batchDeleteResponse: 'error' | 'list'
  /** Environment given to services created without one, and to queries without `env`. */
  defaultEnvironment: string
  /** Instances must carry at least one endpoint. */
  endpointsRequired: boolean
  /** The code for "storage is unavailable", for fault injection. */
  backendUnavailableCode: '400011' | '500011'
  /** `POST /v4/token` on a registry without accounts: issue a token, or no such route (404). */
  tokenWithoutAccounts: 'issue' | 'absent'
}

/**
 * The rules of each profile.
 * @example
 * PROFILE_RULES.servicecomb.heartbeatMinimum // { interval: 5, times: 3 }
 */
export const PROFILE_RULES: Readonly<Record<Profile, Readonly<ProfileRules>>> = {
  cse: {
    reRegisterLiveInstance: 'overwrite',
    duplicateEndpoints: 'reuse',
    versionRules: true,
    dependencyVersion: 'rule',
    heartbeatMinimum: undefined,
    restrictSchemaEdits: true,
    batchHeartbeatResponse: 'error',
    batchDeleteResponse: 'error',
    defaultEnvironment: 'development',
    endpointsRequired: true,
    backendUnavailableCode: '400011',
    tokenWithoutAccounts: 'issue',
  },
  servicecomb: {
    reRegisterLiveInstance: 'renew',
    duplicateEndpoints: 'create',
    versionRules: false,
    dependencyVersion: 'all',
    heartbeatMinimum: { interval: 5, times: 3 },
    restrictSchemaEdits: false,
    batchHeartbeatResponse: 'list',
    batchDeleteResponse: 'list',
    defaultEnvironment: '',
    endpointsRequired: false,
    backendUnavailableCode: '500011',
    tokenWithoutAccounts: 'absent',
  },
}

/**
 * One row of the profile comparison: the rule's key, its topic and one sentence per profile.
 * @example
 * const row: ProfileDifference = PROFILE_DIFFERENCES[0]!
 */
export interface ProfileDifference {
  key: keyof ProfileRules
  topic: string
  cse: string
  servicecomb: string
}

/**
 * Every difference between the profiles in words, in the order of `ProfileRules`; the README
 * table is made from it.
 * @example
 * for (const { topic, cse, servicecomb } of PROFILE_DIFFERENCES) console.log(topic, cse, servicecomb)
 */
export const PROFILE_DIFFERENCES: readonly ProfileDifference[] = [
  {
    key: 'reRegisterLiveInstance',
    topic: 'Re-registering a live instance with its own instanceId',
    cse: 'The stored instance is overwritten with the new body and its lease renewed.',
    servicecomb: 'Only the lease is renewed; the body sent is discarded.',
  },
  {
    key: 'duplicateEndpoints',
    topic: 'Registering without instanceId and with the endpoints of an existing instance',
    cse: 'The existing instanceId is returned (same service) or 400025 is answered (other service).',
    servicecomb: 'A new instance with a new instanceId is created every time.',
  },
  {
    key: 'versionRules',
    topic: '`version` in discovery, batch find and existence',
    cse: 'A required version rule (exact, latest, x+, a-b); an exact miss answers 400012.',
    servicecomb: 'Ignored by discovery and batch find; existence matches the exact version only.',
  },
  {
    key: 'dependencyVersion',
    topic: 'Dependency recorded by discovery with X-ConsumerId',
    cse: 'Records the version rule used; a new rule for the same provider replaces the old one.',
    servicecomb: 'Records all versions of the provider (0.0.0+).',
  },
  {
    key: 'heartbeatMinimum',
    topic: 'Push-mode heartbeat interval and times',
    cse: 'Kept as sent.',
    servicecomb: 'Raised to an interval of at least 5 s and at least 3 times.',
  },
  {
    key: 'restrictSchemaEdits',
    topic: 'Schema edits on services in production or an empty environment',
    cse: 'Restricted: undeclared ids answer 400014, overwriting a summarised schema 400015.',
    servicecomb: 'Unrestricted.',
  },
  {
    key: 'batchHeartbeatResponse',
    topic: 'Batch heartbeat response',
    cse: 'An empty 200 when all succeed, otherwise a 400017 error.',
    servicecomb: 'Always a per-instance list with errMessage on failed entries.',
  },
  {
    key: 'batchDeleteResponse',
    topic: 'Batch service delete response',
    cse: 'An empty 200 when all succeed, otherwise a 400001 error.',
    servicecomb: 'Always a per-service list with errMessage on failed entries.',
  },
  {
    key: 'defaultEnvironment',
    topic: 'Environment of services created without one, and of queries without env',
    cse: '`development`.',
    servicecomb: 'The empty string.',
  },
  {
    key: 'endpointsRequired',
    topic: 'Instance endpoints',
    cse: 'Required: a registration without endpoints answers 400001.',
    servicecomb: 'Optional.',
  },
  {
    key: 'backendUnavailableCode',
    topic: 'Code for an unavailable storage backend',
    cse: '400011.',
    servicecomb: '500011.',
  },
  {
    key: 'tokenWithoutAccounts',
    topic: '`POST /v4/token` when no accounts are configured (authentication off)',
    cse: 'Any name and password get a token.',
    servicecomb: "Go's plain-text 404: Service Center has no token route while RBAC is off.",
  },
]

/**
 * The rules of a profile; throws on an unknown name.
 * @example
 * rulesOf('cse').versionRules // true
 */
export function rulesOf(profile: Profile): Readonly<ProfileRules> {
  const rules = PROFILE_RULES[profile]
  if (!rules) {
    throw new RegistryUsageError(
      'ERR_UNKNOWN_PROFILE',
      `Failed to select the profile: "${String(profile)}" is not a profile. Use 'cse' or 'servicecomb'.`,
    )
  }
  return rules
}
