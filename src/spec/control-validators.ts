import { compileSchema, controlApiDocument } from './compile.ts'
import { toIssues, type ValidationIssue } from './issues.ts'
import { type JsonSchema, SpecLookupError } from './openapi.ts'

type Node = Record<string, unknown>

/**
 * Problems with a value of a component schema of spec/cse-mock-control.yaml (`FaultRule`,
 * `SeedOptions`, …): the control API's inputs are checked by the same ajv instance, and the
 * same issue wording, as registry requests. `base` names the value in the issues.
 * @example
 * validateControlSchema('AdvanceRequest', { ms: -1 }) // [{ location: 'body', name: 'ms', message: 'must be >= 0', value: -1 }]
 */
export function validateControlSchema(name: string, value: unknown, base = ''): ValidationIssue[] {
  if (!Object.hasOwn(controlApiDocument.components.schemas, name)) {
    throw new SpecLookupError(
      `Failed to validate a "${name}": the control spec has no such component schema. Use a name from components/schemas.`,
    )
  }
  return check(`component:${name}`, { $ref: `#/components/schemas/${name}` }, base, value)
}

/**
 * Problems with the JSON body of a control operation, against its `requestBody` schema.
 * @example
 * validateControlBody('seed', 'x') // [{ location: 'body', name: 'body', message: 'must match exactly one schema in oneOf', value: 'x' }]
 */
export function validateControlBody(operationId: string, body: unknown): ValidationIssue[] {
  const schema = operationOf(operationId).requestBody as Node | undefined
  const content = (schema?.content as Record<string, Node> | undefined)?.['application/json']
  if (!content?.schema) return []
  return check(`request:${operationId}`, content.schema as JsonSchema, '', body)
}

/**
 * The query parameters a control operation declares, by name, with their schemas.
 * @example
 * Object.keys(controlQueryParameters('listRequests')) // ['operationId', 'method', 'status']
 */
export function controlQueryParameters(operationId: string): Record<string, JsonSchema> {
  const parameters = (operationOf(operationId).parameters ?? []) as Node[]
  const result: Record<string, JsonSchema> = {}
  for (const parameter of parameters) {
    if (parameter.in === 'query') result[String(parameter.name)] = parameter.schema as JsonSchema
  }
  return result
}

/**
 * Problems with one query value of a control operation; integer parameters are read from their
 * decimal digits first, as a query string carries only text.
 * @example
 * validateControlQuery('listRequests', 'status', 'abc') // [{ location: 'query', name: 'status', … }]
 */
export function validateControlQuery(
  operationId: string,
  name: string,
  raw: string,
): { value: unknown; issues: ValidationIssue[] } {
  const schema = controlQueryParameters(operationId)[name]
  if (!schema) return { value: raw, issues: [] }
  const value = schema.type === 'integer' && /^-?\d{1,15}$/.test(raw) ? Number(raw) : raw
  const validate = compileSchema(`query:${operationId}:${name}`, schema, 'control')
  if (validate(value)) return { value, issues: [] }
  return { value, issues: toIssues('query', name, value, validate.errors ?? []) }
}

function check(key: string, schema: JsonSchema, base: string, value: unknown): ValidationIssue[] {
  const validate = compileSchema(key, schema, 'control')
  if (validate(value)) return []
  return toIssues('body', base, value, validate.errors ?? [])
}

function operationOf(operationId: string): Node {
  for (const item of Object.values(controlApiDocument.paths)) {
    for (const operation of Object.values(item)) {
      if ((operation as Node | undefined)?.operationId === operationId) return operation as Node
    }
  }
  throw new SpecLookupError(
    `Failed to find the control operation "${operationId}": spec/cse-mock-control.yaml has no such operationId.`,
  )
}
