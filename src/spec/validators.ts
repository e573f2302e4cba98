import { type CompiledSchema, compileSchema } from './compile.ts'
import { getOperation } from './document.ts'
import { type IssueLocation, toIssues, type ValidationIssue } from './issues.ts'
import { type JsonSchema, openApiDocument, SpecLookupError } from './openapi.ts'

export type { IssueLocation, ValidationIssue } from './issues.ts'

/**
 * Header values by name; names are matched case-insensitively. A function is asked with the
 * lower-case name.
 */
export type HeaderInput =
  | Headers
  | Record<string, string | undefined>
  | ((name: string) => string | undefined)

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

/**
 * Whether `validator` is one `createSpecValidator` made, i.e. checks requests against the spec
 * itself (a caller of the handlers may bring a validator of its own).
 * @example
 * isSpecValidator(createSpecValidator()) // true
 */
export function isSpecValidator(validator: SpecValidator): boolean {
  return validator.request === validateRequest
}

/** What validating one operation's requests checks, worked out once per operation. */
interface RequestPlan {
  parameters: {
    location: 'path' | 'query' | 'header'
    name: string
    lowerName: string
    required: boolean
    key: string
    schema: JsonSchema
  }[]
  body?: { required: boolean; key: string; schema: JsonSchema } | undefined
}

const plans = new Map<string, RequestPlan>()

function planOf(operationId: string): RequestPlan {
  let plan = plans.get(operationId)
  if (plan) return plan
  const operation = getOperation(operationId)
  plan = {
    parameters: operation.parameters.flatMap((parameter) =>
      parameter.in === 'cookie'
        ? []
        : [
            {
              location: parameter.in,
              name: parameter.name,
              lowerName: parameter.name.toLowerCase(),
              required: parameter.required,
              key: `${operationId}:${parameter.in}:${parameter.name}`,
              schema: parameter.schema,
            },
          ],
    ),
    body: operation.requestBody && {
      required: operation.requestBody.required,
      key: `${operationId}:request`,
      schema: operation.requestBody.schema,
    },
  }
  plans.set(operationId, plan)
  return plan
}

function validateRequest(operationId: string, input: RequestInput): ValidationIssue[] {
  const plan = planOf(operationId)
  let issues: ValidationIssue[] | undefined
  const add = (found: ValidationIssue[]) => {
    if (found.length === 0) return
    issues ??= []
    issues.push(...found)
  }
  for (const parameter of plan.parameters) {
    const { location, name } = parameter
    const value =
      location === 'header'
        ? headerValue(input.headers, parameter.lowerName)
        : (location === 'path' ? input.path : input.query)?.[name]
    if (value === undefined) {
      if (parameter.required) add([{ location, name, message: 'is required' }])
      continue
    }
    add(check(parameter.key, parameter.schema, location, name, value))
  }
  const body = plan.body
  if (body) {
    if (isEmpty(input.body)) {
      if (body.required) add([{ location: 'body', name: 'body', message: 'is required' }])
    } else {
      add(check(body.key, body.schema, 'body', '', input.body))
    }
  }
  return issues ?? NO_ISSUES
}

/** Shared by every valid request; callers only read it. */
const NO_ISSUES: ValidationIssue[] = []

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
  if (typeof headers === 'function') return headers(name.toLowerCase())
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
