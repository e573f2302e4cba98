/**
 * Which operations each wire test file covers. Every file checks its own list against its
 * request log; `operations-covered.test.ts` checks that the lists together name every operation.
 */
export const COVERAGE = {
  system: [
    'getVersion',
    'getHealth',
    'getRootVersion',
    'getRootHealth',
    'checkExistence',
    'createToken',
  ],
  microservices: [
    'createService',
    'listServices',
    'deleteServices',
    'getService',
    'deleteService',
    'updateServiceProperties',
  ],
  tags: ['setTags', 'getTags', 'updateTag', 'deleteTags'],
  schemas: ['listSchemas', 'putSchemas', 'getSchema', 'putSchema', 'deleteSchema'],
  instances: [
    'registerInstance',
    'listInstances',
    'getInstance',
    'deregisterInstance',
    'updateInstanceStatus',
    'updateInstanceProperties',
    'updateInstancesStatus',
  ],
  heartbeats: ['heartbeat', 'heartbeats', 'heartbeatWebSocket'],
  discovery: ['findInstances'],
  'batch-find': ['batchFindInstances'],
  dependencies: ['listProviders', 'listConsumers', 'addDependencies', 'putDependencies', 'watch'],
  govern: ['listApps', 'listServiceDetails', 'getServiceDetail', 'getRelations', 'getStatistics'],
  accounts: [
    'createAccount',
    'batchCreateAccounts',
    'listAccounts',
    'getAccount',
    'updateAccount',
    'deleteAccount',
    'changePassword',
    'listAccountLocks',
    'listSelfPerms',
  ],
  roles: ['listRoles', 'createRole', 'getRole', 'updateRole', 'deleteRole'],
  fallback: [],
  profiles: [],
  tenants: [],
} as const satisfies Record<string, readonly string[]>
