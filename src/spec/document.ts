import {
  type JsonSchema,
  openApiDocument,
  resolveRef as resolve,
  SpecLookupError,
} from './openapi.ts'

export { type JsonSchema, openApiDocument, SpecLookupError } from './openapi.ts'

/** HTTP methods an operation of the spec can use. */
export type OperationMethod = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options'

/** One parameter of an operation, with its `$ref` resolved. */
export interface ParameterSpec {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required: boolean
  schema: JsonSchema
}

/** One declared response header. */
export interface HeaderSpec {
  required: boolean
  schema: JsonSchema
}

/**
 * One declared response status. `schema` describes a non-empty body (an `anyOf` when several
 * media types carry one); `empty` says that an empty body is acceptable.
 */
export interface ResponseSpec {
  schema?: JsonSchema
  headers: Record<string, HeaderSpec>
  empty: boolean
}

/** What the two behaviour profiles do differently for an operation. */
export interface ProfileNotes {
  cse: string
  servicecomb: string
}

/** An operation of the spec, flattened for validation and routing. */
export interface OperationSpec {
  operationId: string
  method: OperationMethod
  path: string
  parameters: ParameterSpec[]
  requestBody?: { required: boolean; schema: JsonSchema }
  responses: Record<string, ResponseSpec>
  deprecated: boolean
  profiles?: ProfileNotes
}

type Node = Record<string, unknown>

const METHODS: readonly OperationMethod[] = [
  'get',
  'put',
  'post',
  'delete',
  'patch',
  'head',
  'options',
]

let operations: Map<string, OperationSpec> | undefined

/**
 * Lists every operation of the spec, in document order.
 * @example
 * listOperations().map((operation) => operation.operationId) // ['getVersion', 'getHealth', …]
 */
export function listOperations(): OperationSpec[] {
  operations ??= buildOperations()
  return [...operations.values()]
}

/**
 * Returns one operation by its operationId; throws a `SpecLookupError` for unknown IDs.
 * @example
 * getOperation('getService').path // '/v4/{project}/registry/microservices/{serviceId}'
 */
export function getOperation(operationId: string): OperationSpec {
  operations ??= buildOperations()
  const operation = operations.get(operationId)
  if (!operation) {
    throw new SpecLookupError(
      `Failed to find operation "${operationId}": the spec has no such operationId. Use one of ${[...operations.keys()].join(', ')}.`,
    )
  }
  return operation
}

function buildOperations(): Map<string, OperationSpec> {
  const result = new Map<string, OperationSpec>()
  for (const [path, rawItem] of Object.entries(openApiDocument.paths)) {
    const item = resolve(rawItem)
    const shared = toParameters(item.parameters)
    for (const method of METHODS) {
      const operation = item[method] as Node | undefined
      if (!operation) continue
      const operationId = String(operation.operationId)
      const spec: OperationSpec = {
        operationId,
        method,
        path,
        parameters: mergeParameters(shared, toParameters(operation.parameters)),
        responses: toResponses(operation.responses as Node),
        deprecated: operation.deprecated === true,
      }
      const body = operation.requestBody ? resolve(operation.requestBody) : undefined
      const bodySchema = body ? jsonSchemaOf(body.content) : undefined
      if (body && bodySchema)
        spec.requestBody = { required: body.required === true, schema: bodySchema }
      const profiles = operation['x-cse-mock-profiles'] as ProfileNotes | undefined
      if (profiles) spec.profiles = { cse: profiles.cse, servicecomb: profiles.servicecomb }
      result.set(operationId, spec)
    }
  }
  return result
}

function toParameters(raw: unknown): ParameterSpec[] {
  if (!Array.isArray(raw)) return []
  return raw.map((entry) => {
    const parameter = resolve(entry)
    return {
      name: String(parameter.name),
      in: parameter.in as ParameterSpec['in'],
      required: parameter.required === true,
      schema: (parameter.schema ?? {}) as JsonSchema,
    }
  })
}

/** Operation-level parameters override path-level ones with the same name and location. */
function mergeParameters(shared: ParameterSpec[], own: ParameterSpec[]): ParameterSpec[] {
  const key = (parameter: ParameterSpec) => `${parameter.in}:${parameter.name.toLowerCase()}`
  const overridden = new Set(own.map(key))
  return [...shared.filter((parameter) => !overridden.has(key(parameter))), ...own]
}

function toResponses(raw: Node): Record<string, ResponseSpec> {
  const responses: Record<string, ResponseSpec> = {}
  for (const [status, entry] of Object.entries(raw)) {
    const response = resolve(entry)
    const headers: Record<string, HeaderSpec> = {}
    for (const [name, header] of Object.entries((response.headers ?? {}) as Node)) {
      const resolved = resolve(header)
      headers[name] = {
        required: resolved.required === true,
        schema: (resolved.schema ?? {}) as JsonSchema,
      }
    }
    const content = (response.content ?? {}) as Record<string, Node>
    const schemas: JsonSchema[] = []
    let empty = Object.keys(content).length === 0
    for (const media of Object.values(content)) {
      const schema = (media.schema ?? {}) as JsonSchema
      // An empty text/plain body is how the registry answers mutations (reference §1.4).
      if (schema.type === 'string' && schema.maxLength === 0) empty = true
      else schemas.push(schema)
    }
    const spec: ResponseSpec = { headers, empty }
    if (schemas.length === 1) spec.schema = schemas[0] as JsonSchema
    if (schemas.length > 1) spec.schema = { anyOf: schemas }
    responses[status] = spec
  }
  return responses
}

function jsonSchemaOf(content: unknown): JsonSchema | undefined {
  const media = (content as Record<string, Node> | undefined)?.['application/json']
  return media?.schema as JsonSchema | undefined
}
