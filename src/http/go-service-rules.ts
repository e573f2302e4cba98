import type { GoField, GoStruct } from './go-struct.ts'
import { ENV_PATTERN, EXACT_VERSION, NAME_PATTERN, SERVICE_ID_PATTERN } from './go-validation.ts'

// Service Center's validators of the service and instance bodies (server/service/validator),
// field by field in the declaration order of the Go structs they decode into.

const NON_BLANK_PATTERN = String.raw`\S+`
const SIMPLE_NAME_ALLOW_EMPTY = '^[A-Za-z0-9_.-]*$'
const SIMPLE_NAME = '^[A-Za-z0-9_.-]+$'
const MAX_INT32 = 2147483647
/** `quota.cap.schema.limit` of Service Center's shipped configuration. */
export const SCHEMA_QUOTA = 100

/**
 * The serviceId of a request struct, taken from the path.
 * @example
 * const struct: GoStruct = { name: 'GetServiceRequest', fields: [SERVICE_ID_FIELD] }
 */
export const SERVICE_ID_FIELD: GoField = {
  name: 'ServiceId',
  json: 'serviceId',
  kind: 'string',
  rule: { min: 1, max: 64, pattern: SERVICE_ID_PATTERN },
}

const FRAMEWORK: GoStruct = {
  name: 'FrameWork',
  fields: [
    { name: 'Name', json: 'name', kind: 'string', rule: { max: 64, pattern: NAME_PATTERN } },
    { name: 'Version', json: 'version', kind: 'string', rule: { max: 64 } },
  ],
}

const SERVICE_PATH: GoStruct = {
  name: 'ServicePath',
  fields: [
    {
      name: 'Path',
      json: 'path',
      kind: 'string',
      rule: { pattern: String.raw`^[A-Za-z0-9.,?'\\/+&amp;%$#=~_\-@{}]*$` },
    },
  ],
}

/** The service of `POST …/microservices`, after the defaults Service Center fills in first. */
export const MICRO_SERVICE: GoStruct = {
  name: 'MicroService',
  fields: [
    {
      name: 'ServiceId',
      json: 'serviceId',
      kind: 'string',
      rule: { max: 64, pattern: SERVICE_ID_PATTERN },
    },
    { name: 'AppId', json: 'appId', kind: 'string', rule: { max: 160, pattern: NAME_PATTERN } },
    {
      name: 'ServiceName',
      json: 'serviceName',
      kind: 'string',
      rule: { min: 1, max: 128, pattern: NAME_PATTERN },
    },
    { name: 'Version', json: 'version', kind: 'string', rule: { max: 64, custom: EXACT_VERSION } },
    { name: 'Description', json: 'description', kind: 'string', rule: { max: 256 } },
    { name: 'Level', json: 'level', kind: 'string', rule: { pattern: '^(FRONT|MIDDLE|BACK)$' } },
    {
      name: 'Schemas',
      json: 'schemas',
      kind: 'strings',
      rule: {
        max: SCHEMA_QUOTA,
        pattern: String.raw`^[a-zA-Z0-9]{1,160}$|^[a-zA-Z0-9][a-zA-Z0-9_\-.]{0,158}[a-zA-Z0-9]$`,
      },
    },
    { name: 'Paths', json: 'paths', kind: 'structs', sub: SERVICE_PATH },
    { name: 'Status', json: 'status', kind: 'string', rule: { pattern: '^(UP|DOWN)?$' } },
    {
      name: 'Alias',
      json: 'alias',
      kind: 'string',
      rule: { max: 128, pattern: '^[a-zA-Z0-9_\\-.:]*$' },
    },
    { name: 'Environment', json: 'environment', kind: 'string', rule: { pattern: ENV_PATTERN } },
    {
      name: 'RegisterBy',
      json: 'registerBy',
      kind: 'string',
      rule: { max: 64, pattern: '^(SDK|SIDECAR|PLATFORM)*$' },
    },
    { name: 'Framework', json: 'framework', kind: 'struct', sub: FRAMEWORK },
  ],
}

/** `CreateServiceRequest`: only the service is validated up front. */
export const CREATE_SERVICE_REQUEST: GoStruct = {
  name: 'CreateServiceRequest',
  fields: [
    { name: 'Service', json: 'service', kind: 'struct', rule: { min: 1 }, sub: MICRO_SERVICE },
  ],
}

const HEALTH_CHECK: GoStruct = {
  name: 'HealthCheck',
  fields: [
    { name: 'Mode', json: 'mode', kind: 'string', rule: { pattern: '^(push|pull)$' } },
    { name: 'Port', json: 'port', kind: 'int', rule: { max: 65535 } },
    { name: 'Interval', json: 'interval', kind: 'int', rule: { min: 1, max: MAX_INT32 } },
    { name: 'Times', json: 'times', kind: 'int', rule: { max: MAX_INT32 } },
    { name: 'Url', json: 'url', kind: 'string', rule: { pattern: String.raw`^\S*$` } },
  ],
}

const DATA_CENTER_INFO: GoStruct = {
  name: 'DataCenterInfo',
  fields: [
    {
      name: 'Name',
      json: 'name',
      kind: 'string',
      rule: { min: 1, max: 128, pattern: SIMPLE_NAME },
    },
    {
      name: 'Region',
      json: 'region',
      kind: 'string',
      rule: { min: 1, max: 128, pattern: SIMPLE_NAME },
    },
    {
      name: 'AvailableZone',
      json: 'availableZone',
      kind: 'string',
      rule: { min: 1, max: 128, pattern: SIMPLE_NAME },
    },
  ],
}

const MICRO_SERVICE_INSTANCE: GoStruct = {
  name: 'MicroServiceInstance',
  fields: [
    {
      name: 'InstanceId',
      json: 'instanceId',
      kind: 'string',
      rule: { max: 64, pattern: SIMPLE_NAME_ALLOW_EMPTY },
    },
    SERVICE_ID_FIELD,
    { name: 'Endpoints', json: 'endpoints', kind: 'strings', rule: { pattern: NON_BLANK_PATTERN } },
    {
      name: 'HostName',
      json: 'hostName',
      kind: 'string',
      rule: { min: 1, max: 64, pattern: NON_BLANK_PATTERN },
    },
    {
      name: 'Status',
      json: 'status',
      kind: 'string',
      rule: { pattern: '^(UP|DOWN|STARTING|TESTING|OUTOFSERVICE)?$' },
    },
    { name: 'HealthCheck', json: 'healthCheck', kind: 'struct', sub: HEALTH_CHECK },
    { name: 'DataCenterInfo', json: 'dataCenterInfo', kind: 'struct', sub: DATA_CENTER_INFO },
  ],
}

/** `POST …/microservices/{serviceId}/instances` (the service id comes from the path). */
export const REGISTER_INSTANCE_REQUEST: GoStruct = {
  name: 'RegisterInstanceRequest',
  fields: [
    {
      name: 'Instance',
      json: 'instance',
      kind: 'struct',
      rule: { min: 1 },
      sub: MICRO_SERVICE_INSTANCE,
    },
  ],
}

/** `DELETE …/microservices` with a list of ids. */
export const DEL_SERVICES_REQUEST: GoStruct = {
  name: 'DelServicesRequest',
  fields: [
    {
      name: 'ServiceIds',
      json: 'serviceIds',
      kind: 'strings',
      rule: { min: 1, pattern: String.raw`^\S{1,64}$` },
    },
  ],
}
