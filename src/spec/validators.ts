import { type CompiledSchema, compileSchema } from './compile.ts'
import { getOperation } from './document.ts'
import { type IssueLocation, toIssues, type ValidationIssue } from './issues.ts'
import { type JsonSchema, openApiDocument, SpecLookupError } from './openapi.ts'

export type { IssueLocation, ValidationIssue } from './issues.ts'

/** Header values by name; names are matched case-insensitively. */
export type HeaderInput = Headers | Record<string, string | undefined>

/** A request as the validator sees it: raw string parameters and the parsed JSON body. */
export interface RequestInput {
  path?: Record<string, string | undefined>
  query?: Record<string, string | undefined>
  headers?: HeaderInput
  /** Parsed JSON; `undefined`, `null` or `''` mean "no body". */
  body?: unknown
}

/** A response as the validator sees it: status, headers and the parsed body. */
export interface ResponseInput {
  status: number | string
  headers?: HeaderInput
  /** Parsed JSON, the text of a text/plain body, or `undefined`/`''` for an empty body. */
  body?: unknown
}

/** Validates requests, responses and component values against the spec. */
export interface SpecValidator {
  /** Problems with a request to `operationId`; empty when it conforms to the spec. */
  request(operationId: string, input: RequestInput): ValidationIssue[]
  /** Problems with a response of `operationId`; empty when it conforms to the spec. */
  response(operationId: string, input: ResponseInput): ValidationIssue[]
  /** Problems with a value of the component schema `name` (e.g. `MicroService`). */
  schema(name: string, value: unknown): ValidationIssue[]
}

/**
 * Creates a validator backed by one shared, lazily compiled ajv instance.
 * @example
 * const validator = createSpecValidator()
 * validator.request('getService', { path: { project: 'default', serviceId: 'bad id' } })
 * // [{ location: 'path', name: 'serviceId', message: 'does not match pattern ^\\S*$', value: 'bad id' }]
 */
export function createSpecValidator(): SpecValidator {
  return { request: validateRequest, response: validateResponse, schema: validateComponent }
}

function validateRequest(operationId: string, input: RequestInput): ValidationIssue[] {
  const operation = getOperation(operationId)
  const issues: ValidationIssue[] = []
  for (const parameter of operation.parameters) {
    if (parameter.in === 'cookie') continue
    const location = parameter.in
    const value =
      location === 'header'
        ? headerValue(input.headers, parameter.name)
        : (location === 'path' ? input.path : input.query)?.[parameter.name]
    if (value === undefined) {
      if (parameter.required)
        issues.push({ location, name: parameter.name, message: 'is required' })
      continue
    }
    const key = `${operationId}:${location}:${parameter.name}`
    issues.push(...check(key, parameter.schema, location, parameter.name, value))
  }
  const body = operation.requestBody
  if (body) {
    if (isEmpty(input.body)) {
      if (body.required) issues.push({ location: 'body', name: 'body', message: 'is required' })
    } else {
      issues.push(...check(`${operationId}:request`, body.schema, 'body', '', input.body))
    }
  }
  return issues
}

function validateResponse(operationId: string, input: ResponseInput): ValidationIssue[] {
  const operation = getOperation(operationId)
  const status = String(input.status)
  const response = operation.responses[status] ?? operation.responses.default
  if (!response) {
    const declared = Object.keys(operation.responses).join(', ')
    return [
      {
        location: 'status',
        name: status,
        message: `is not declared for ${operationId} (declared: ${declared})`,
        value: input.status,
      },
    ]
  }
  const issues: ValidationIssue[] = []
  for (const [name, header] of Object.entries(response.headers)) {
    const value = headerValue(input.headers, name)
    if (value === undefined) {
      if (header.required) issues.push({ location: 'header', name, message: 'is required' })
      continue
    }
    issues.push(
      ...check(`${operationId}:${status}:header:${name}`, header.schema, 'header', name, value),
    )
  }
  if (isEmpty(input.body)) {
    if (!response.empty) issues.push({ location: 'body', name: 'body', message: 'is required' })
  } else if (!response.schema) {
    issues.push({ location: 'body', name: 'body', message: 'must be empty', value: input.body })
  } else {
    issues.push(...check(`${operationId}:${status}:body`, response.schema, 'body', '', input.body))
  }
  return issues
}

function validateComponent(name: string, value: unknown): ValidationIssue[] {
  if (!Object.hasOwn(openApiDocument.components.schemas, name)) {
    throw new SpecLookupError(
      `Failed to validate a "${name}": the spec has no such component schema. Use a name from components/schemas.`,
    )
  }
  return check(`component:${name}`, { $ref: `#/components/schemas/${name}` }, 'body', '', value)
}

function check(
  key: string,
  schema: JsonSchema,
  location: IssueLocation,
  name: string,
  value: unknown,
): ValidationIssue[] {
  const validate: CompiledSchema = compileSchema(key, schema)
  if (validate(value)) return []
  return toIssues(location, name, value, validate.errors ?? [])
}

function headerValue(headers: HeaderInput | undefined, name: string): string | undefined {
  if (!headers) return undefined
  if (headers instanceof Headers) return headers.get(name) ?? undefined
  const wanted = name.toLowerCase()
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return value
  }
  return undefined
}

function isEmpty(body: unknown): boolean {
  return body === undefined || body === null || body === ''
}
