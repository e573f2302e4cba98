import { type HttpHandler, http, type RequestHandler } from 'msw'
import { RegistryError } from '../registry/errors.ts'
import type { Registry, RequestContext } from '../registry/index.ts'
import { isSpecValidator, type SpecValidator, type ValidationIssue } from '../spec/validators.ts'
import { BodySyntaxError, takeJsonSource } from './body.ts'
import { fromFetchRequest, type IncomingRequest } from './incoming.ts'
import { normalizeKeys } from './normalize-keys.ts'
import {
  type OperationResult,
  type RenderedAnswer,
  RouteAbsentError,
  renderError,
  renderResult,
  toFetchResponse,
} from './respond.ts'

/** HTTP methods the registry routes. */
export type Method = 'get' | 'post' | 'put' | 'delete'

/** Everything one handler call knows about its request, after parsing and validation. */
export interface OperationInput {
  request: Request
  url: URL
  params: Record<string, string>
  query: URLSearchParams
  body: unknown
  ctx: RequestContext
  registry: Registry
  /** Validation issues the operation chose to handle itself (see `deferIssues`). */
  deferred: ValidationIssue[]
  /** The client's IP address when the adapter knows it. */
  remoteAddress?: string | undefined
}

/** One registry operation as the HTTP layer routes it. */
export interface OperationDefinition {
  operationId: string
  method: Method
  /** The path in MSW form, e.g. `/v4/:project/registry/microservices/:serviceId`. */
  path: string
  /** Larger bodies are rejected with 400001 (reference §1.3); default 2 MiB. */
  maxBodyBytes?: number
  /** Query parameters the current profile does not read, left out of validation. */
  ignoredQuery?: (registry: Registry) => readonly string[]
  /** Rewrites the decoded body before validation, for defaults the registry applies first. */
  beforeValidation?: (body: unknown) => unknown
  /**
   * The `detail` Service Center's handler answers for a missing or malformed body instead of
   * the decoder's message (some say only `Unmarshal error`); default the decoder's message.
   */
  bodyError?: string
  /** True when the route does not exist in the registry as configured: Go's 404, nothing read. */
  absent?: (registry: Registry) => boolean
  /** Issues the handler deals with itself instead of answering 400001 before it runs. */
  deferIssues?: (issue: ValidationIssue) => boolean
  /**
   * Service Center's own validator of the request (its field rules and texts), run once the body
   * has the types Go's decoder accepts and before the spec's other checks; throws its 400001.
   */
  goValidate?: (input: GoValidationInput) => void
  handle(input: OperationInput): OperationResult | Promise<OperationResult>
}

/** What `goValidate` reads: the decoded body and the raw path and query parameters. */
export interface GoValidationInput {
  body: unknown
  params: Record<string, string>
  query: URLSearchParams
}

/** What interceptors (faults, request log, auth) see of a call before it runs. */
export interface OperationCall {
  operationId: string
  method: string
  /** The URL path as requested, e.g. `/v4/default/registry/instances`. */
  pathname: string
  /** The query string with its `?`, or `''`. */
  search: string
  /** Built on first use: most calls never need it. */
  readonly request: Request
  /** Built on first use: `pathname` and `search` are what most readers need. */
  readonly url: URL
  params: Record<string, string>
  ctx: RequestContext
  /** The client's IP address when the adapter knows it. */
  remoteAddress?: string | undefined
  /** One request header by case-insensitive name; `null` when absent. */
  header(name: string): string | null
  /** Every request header by lower-case name. */
  headers(): Record<string, string>
  /** The decoded JSON body (read once and shared with the operation); rejects as the operation would. */
  body(): Promise<unknown>
  /** The JSON text `body()` decoded, once it has, when the reader knows it. */
  bodySource?(): string | undefined
}

/**
 * What an operation answers: the registry's rendered result (status, headers, body), or a
 * `Response` an interceptor answered with in its place (a fault, a refused token). Adapters
 * turn it into what they send: MSW a `Response`, the standalone server bytes on the socket.
 */
export type Answer = RenderedAnswer | Response

/**
 * Wraps every operation: it may answer itself (a fault), delay, or call `next` and look at the
 * answer's `status` (the request log).
 */
export type Interceptor = (call: OperationCall, next: () => Promise<Answer>) => Promise<Answer>

/** What handlers are built from: the registry, the spec validator and the interceptor chain. */
export interface HttpEnvironment {
  registry: Registry
  validator: SpecValidator
  /** Origin (or `*`) the handlers answer for; default `*`, any origin. */
  baseUrl: string
  interceptors: Interceptor[]
}

/**
 * Declares one operation; the identity function exists for type inference.
 * @example
 * export const getService = defineOperation({ operationId: 'getService', method: 'get', path: '/v4/:project/registry/microservices/:serviceId', handle: ({ registry, ctx, params }) => ({ body: registry.getService(ctx, params.serviceId!) }) })
 */
export function defineOperation(definition: OperationDefinition): OperationDefinition {
  return definition
}

/**
 * Reads the tenant and consumer of a request (reference §1.1): the domain from
 * `X-Domain-Name` (or `default`), the project from the path.
 * @example
 * contextOf(request, { project: 'default' }) // { domain: 'default', project: 'default' }
 */
export function contextOf(request: Request, params: Record<string, string>): RequestContext {
  return contextFrom(
    request.headers.get('x-domain-name'),
    request.headers.get('x-consumerid'),
    params,
  )
}

function contextFrom(
  domain: string | null,
  consumerId: string | null,
  params: Record<string, string>,
): RequestContext {
  const ctx: RequestContext = {
    domain: domain || 'default',
    project: params.project ?? 'default',
  }
  if (consumerId) ctx.consumerId = consumerId
  return ctx
}

/**
 * Formats the first validation issue the way the registry words its 400001 details.
 * @example
 * describeIssue({ location: 'body', name: 'instance.hostName', message: 'is required' })
 */
export function describeIssue(issue: ValidationIssue): string {
  const value = issue.value === undefined ? '' : ` invalid value '${showValue(issue.value)}'`
  return `field '${issue.name}'${value} ${issue.message}`
}

/**
 * A value as an issue quotes it. Objects and arrays are named, not printed: `String()` of an
 * array recurses into every level, and a few kilobytes of `[[[[…]]]]` overflow the stack.
 */
function showValue(value: unknown): string {
  if (Array.isArray(value)) return '[…]'
  if (typeof value === 'object' && value !== null) return '{…}'
  return String(value)
}

/**
 * A JSON body nested deeper than the engine's stack: the input's fault, so 400001 like any
 * other body the registry cannot decode, not a 500.
 * @example
 * renderError(asInputError(caught))
 */
export function asInputError(error: unknown): unknown {
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return new RegistryError('400001', 'Unmarshal error: the body is nested too deeply')
  }
  return error
}

/**
 * Runs one operation for a request, whichever adapter received it: interceptors, body and
 * parameter validation against the spec, the registry call, and the rendering of its result or
 * error. The MSW handler and the standalone server's direct route both call this, so they
 * answer alike; neither builds a WHATWG object unless an interceptor asks for one.
 * @example
 * const answer = await runner(fromFetchRequest(request, params))
 */
export type OperationRunner = (incoming: IncomingRequest) => Promise<Answer>

/**
 * Builds the runner of one operation (see `OperationRunner`).
 * @example
 * const runner = createOperationRunner(getService, environment)
 */
export function createOperationRunner(
  definition: OperationDefinition,
  env: HttpEnvironment,
): OperationRunner {
  const { operationId } = definition
  // Only the spec's own validator vouches for a body; a validator of the caller's does not.
  const specValidator = isSpecValidator(env.validator)
  const run = async (call: OperationCall, incoming: IncomingRequest): Promise<Answer> => {
    try {
      if (definition.absent?.(env.registry)) throw new RouteAbsentError()
      const decoded = normalizeKeys(operationId, await call.body())
      const body = definition.beforeValidation ? definition.beforeValidation(decoded) : decoded
      const query: Record<string, string> =
        incoming.search === '' ? {} : Object.fromEntries(incoming.query)
      for (const name of definition.ignoredQuery?.(env.registry) ?? []) delete query[name]
      const issues = env.validator.request(operationId, {
        path: call.params,
        query,
        headers: (name) => incoming.header(name) ?? undefined,
        body,
      })
      const deferred = definition.deferIssues ? issues.filter(definition.deferIssues) : []
      const first = issues.find((issue) => !deferred.includes(issue))
      // A required body that is missing fails Go's decoder before any validation.
      if (first?.location === 'body' && first.name === 'body' && body === undefined) {
        throw new RegistryError('400001', definition.bodyError ?? 'unexpected end of JSON input')
      }
      if (definition.goValidate) {
        // Go's decoder refuses a value of the wrong type before any validator runs.
        const typeIssue = issues.find(
          (issue) => !deferred.includes(issue) && issue.message.startsWith('must be of type'),
        )
        if (typeIssue) throw new RegistryError('400001', describeIssue(typeIssue))
        definition.goValidate({ body, params: call.params, query: incoming.query })
      }
      if (first) throw new RegistryError('400001', describeIssue(first))
      const result = await definition.handle(
        new HandleInput(
          incoming,
          call,
          body,
          env.registry,
          deferred,
          specValidator && issues.length === 0,
        ),
      )
      return renderResult(result)
    } catch (error) {
      return renderError(asInputError(error))
    }
  }
  return (incoming) => {
    const call = new RunnerCall(operationId, incoming, definition)
    return chain(env.interceptors, call, () => run(call, incoming))
  }
}

// Classes, not object literals with getters and arrow functions: a literal builds a closure
// per member and a dictionary-mode object on every call.

/** The call interceptors see (see `OperationCall`). */
class RunnerCall implements OperationCall {
  readonly operationId: string
  readonly method: string
  readonly pathname: string
  readonly search: string
  readonly params: Record<string, string>
  readonly ctx: RequestContext
  readonly remoteAddress: string | undefined
  #incoming: IncomingRequest
  #definition: OperationDefinition
  #body: Promise<unknown> | undefined
  #source: string | undefined

  constructor(operationId: string, incoming: IncomingRequest, definition: OperationDefinition) {
    this.operationId = operationId
    this.method = incoming.method
    this.pathname = incoming.pathname
    this.search = incoming.search
    this.params = incoming.params
    this.ctx = contextFrom(
      incoming.header('x-domain-name'),
      incoming.header('x-consumerid'),
      incoming.params,
    )
    this.remoteAddress = incoming.remoteAddress
    this.#incoming = incoming
    this.#definition = definition
  }

  get request(): Request {
    return this.#incoming.request()
  }

  get url(): URL {
    return this.#incoming.url
  }

  header(name: string): string | null {
    return this.#incoming.header(name)
  }

  headers(): Record<string, string> {
    return this.#incoming.headers()
  }

  body(): Promise<unknown> {
    this.#body ??= this.#read()
    return this.#body
  }

  bodySource(): string | undefined {
    return this.#source
  }

  async #read(): Promise<unknown> {
    const definition = this.#definition
    try {
      const body = await this.#incoming.json(definition.maxBodyBytes)
      this.#source = takeJsonSource(body)
      return body
    } catch (error) {
      if (error instanceof BodySyntaxError && definition.bodyError) {
        throw new RegistryError('400001', definition.bodyError)
      }
      throw error
    }
  }
}

/**
 * Whether the body `handle` received passed the spec's own validator without an issue, in the
 * runner that called it: false for an input built anywhere else (`handle` is reachable from the
 * exported `OPERATIONS`), so only the runner's own check can stand in for the registry's.
 * @example
 * if (bodyPassedSpec(input)) markCheckedInstance(instance)
 */
export function bodyPassedSpec(input: OperationInput): boolean {
  return HandleInput.bodyPassedSpec(input)
}

/** What an operation's `handle` receives (see `OperationInput`). */
class HandleInput implements OperationInput {
  readonly params: Record<string, string>
  readonly body: unknown
  readonly ctx: RequestContext
  readonly registry: Registry
  readonly deferred: ValidationIssue[]
  readonly remoteAddress: string | undefined
  #incoming: IncomingRequest
  #bodyPassedSpec: boolean

  static bodyPassedSpec(input: OperationInput): boolean {
    return #bodyPassedSpec in input && input.#bodyPassedSpec
  }

  constructor(
    incoming: IncomingRequest,
    call: OperationCall,
    body: unknown,
    registry: Registry,
    deferred: ValidationIssue[],
    bodyPassedSpec: boolean,
  ) {
    this.params = call.params
    this.body = body
    this.ctx = call.ctx
    this.registry = registry
    this.deferred = deferred
    this.remoteAddress = call.remoteAddress
    this.#incoming = incoming
    this.#bodyPassedSpec = bodyPassedSpec
  }

  get request(): Request {
    return this.#incoming.request()
  }

  get url(): URL {
    return this.#incoming.url
  }

  get query(): URLSearchParams {
    return this.#incoming.query
  }
}

const runners = new WeakMap<
  RequestHandler,
  { operation: OperationDefinition; runner: OperationRunner }
>()

/**
 * Builds the MSW handler of one operation: its runner behind the operation's path.
 * @example
 * const handler = createOperationHandler(getService, environment)
 */
export function createOperationHandler(
  definition: OperationDefinition,
  env: HttpEnvironment,
): HttpHandler {
  const pattern = env.baseUrl === '*' ? `*${definition.path}` : `${env.baseUrl}${definition.path}`
  const runner = createOperationRunner(definition, env)
  const handler = http[definition.method](pattern, ({ request, params }) =>
    // MSW's patterns take a trailing slash; Service Center's router does not (the fallback 404s).
    endsWithSlash(request.url)
      ? undefined
      : runner(fromFetchRequest(request, flattenParams(params))).then(toFetchResponse),
  )
  runners.set(handler, { operation: definition, runner })
  return handler
}

/**
 * The runner behind a handler made by `createOperationHandler`, for adapters that can call it
 * without going through MSW's matching; `undefined` for any other handler.
 * @example
 * const runner = operationRunnerOf(mock.handlers[0]!)
 */
export function operationRunnerOf(handler: RequestHandler): OperationRunner | undefined {
  return runners.get(handler)?.runner
}

/**
 * The operation a handler made by `createOperationHandler` serves; `undefined` for any other.
 * @example
 * operationOf(mock.handlers[0]!)?.operationId // 'getVersion'
 */
export function operationOf(handler: RequestHandler): OperationDefinition | undefined {
  return runners.get(handler)?.operation
}

function endsWithSlash(url: string): boolean {
  let end = url.length
  const query = url.indexOf('?')
  if (query >= 0) end = query
  const hash = url.indexOf('#')
  if (hash >= 0 && hash < end) end = hash
  return url.charCodeAt(end - 1) === 47
}

function chain(
  interceptors: Interceptor[],
  call: OperationCall,
  last: () => Promise<Answer>,
): Promise<Answer> {
  const step = (index: number): Promise<Answer> => {
    const interceptor = interceptors[index]
    if (!interceptor) return last()
    return interceptor(call, () => step(index + 1))
  }
  return step(0)
}

function flattenParams(params: Record<string, string | readonly string[] | undefined>) {
  const flat: Record<string, string> = {}
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'string') flat[key] = value
  }
  return flat
}
