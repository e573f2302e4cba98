import { SCHEMA_QUOTA, SERVICE_ID_FIELD } from './go-service-rules.ts'
import type { GoField, GoStruct } from './go-struct.ts'
import {
  ENV_PATTERN,
  EXACT_VERSION,
  type GoRule,
  NAME_PATTERN,
  SCHEMA_ID_PATTERN,
  VERSION_RULE,
} from './go-validation.ts'

// Service Center's validators of the schema, tag and dependency bodies (server/service/validator),
// field by field in the declaration order of the Go structs they decode into.

const TAG_PATTERN = String.raw`^[a-zA-Z][a-zA-Z0-9_\-.]{0,63}$`
/** `quota.cap.tag.limit` of Service Center's shipped configuration. */
const TAG_QUOTA = 100

const SCHEMA_ID_RULE: GoRule = { min: 1, max: 160, pattern: SCHEMA_ID_PATTERN }

const SCHEMA: GoStruct = {
  name: 'Schema',
  fields: [
    { name: 'SchemaId', json: 'schemaId', kind: 'string', rule: SCHEMA_ID_RULE },
    {
      name: 'Summary',
      json: 'summary',
      kind: 'string',
      rule: { min: 1, max: 128, pattern: '^[a-zA-Z0-9]*$' },
    },
    { name: 'Schema', json: 'schema', kind: 'string', rule: { min: 1 } },
  ],
}

/** `POST …/schemas` (any failure answers `Invalid request.`). */
export const MODIFY_SCHEMAS_REQUEST: GoStruct = {
  name: 'ModifySchemasRequest',
  fields: [
    SERVICE_ID_FIELD,
    {
      name: 'Schemas',
      json: 'schemas',
      kind: 'structs',
      rule: { min: 1, max: SCHEMA_QUOTA },
      sub: SCHEMA,
    },
  ],
}

/** `PUT …/schemas/{schemaId}`: the summary may be empty there. */
export const MODIFY_SCHEMA_REQUEST: GoStruct = {
  name: 'ModifySchemaRequest',
  fields: [
    SERVICE_ID_FIELD,
    { name: 'SchemaId', json: 'schemaId', kind: 'string', rule: SCHEMA_ID_RULE },
    { name: 'Schema', json: 'schema', kind: 'string', rule: { min: 1 } },
    {
      name: 'Summary',
      json: 'summary',
      kind: 'string',
      rule: { max: 128, pattern: '^[a-zA-Z0-9]*$' },
    },
  ],
}

/** `POST …/tags`. */
export const ADD_SERVICE_TAGS_REQUEST: GoStruct = {
  name: 'AddServiceTagsRequest',
  fields: [
    SERVICE_ID_FIELD,
    { name: 'Tags', json: 'tags', kind: 'map', rule: { max: TAG_QUOTA, pattern: TAG_PATTERN } },
  ],
}

/** `PUT …/tags/{key}?value=`. */
export const UPDATE_SERVICE_TAG_REQUEST: GoStruct = {
  name: 'UpdateServiceTagRequest',
  fields: [
    SERVICE_ID_FIELD,
    { name: 'Key', json: 'key', kind: 'string', rule: { pattern: TAG_PATTERN } },
    { name: 'Value', json: 'value', kind: 'string', rule: { pattern: TAG_PATTERN } },
  ],
}

function serviceKey(appId: GoRule, version: GoRule): GoStruct {
  return {
    name: 'MicroServiceKey',
    fields: [
      { name: 'Environment', json: 'environment', kind: 'string', rule: { pattern: ENV_PATTERN } },
      { name: 'AppId', json: 'appId', kind: 'string', rule: appId },
      {
        name: 'ServiceName',
        json: 'serviceName',
        kind: 'string',
        rule: { min: 1, max: 128, pattern: NAME_PATTERN },
      },
      { name: 'Version', json: 'version', kind: 'string', rule: version },
    ],
  }
}

function consumerDependency(providersRequired: boolean): GoStruct {
  const providers: GoField = {
    name: 'Providers',
    json: 'providers',
    kind: 'structs',
    sub: serviceKey({ max: 160, pattern: NAME_PATTERN }, { max: 128, custom: VERSION_RULE }),
  }
  if (providersRequired) providers.rule = { min: 1 }
  return {
    name: 'ConsumerDependency',
    fields: [
      {
        name: 'Consumer',
        json: 'consumer',
        kind: 'struct',
        rule: { min: 1 },
        sub: serviceKey(
          { min: 1, max: 160, pattern: NAME_PATTERN },
          { min: 1, max: 64, custom: EXACT_VERSION },
        ),
      },
      providers,
    ],
  }
}

function dependenciesRequest(name: string, providersRequired: boolean): GoStruct {
  return {
    name,
    fields: [
      {
        name: 'Dependencies',
        json: 'dependencies',
        kind: 'structs',
        rule: { min: 1, max: 100 },
        sub: consumerDependency(providersRequired),
      },
    ],
  }
}

/** `PUT …/registry/dependencies`. */
export const CREATE_DEPENDENCIES_REQUEST = dependenciesRequest('CreateDependenciesRequest', false)
/** `POST …/registry/dependencies`: every entry also needs a provider. */
export const ADD_DEPENDENCIES_REQUEST = dependenciesRequest('AddDependenciesRequest', true)
