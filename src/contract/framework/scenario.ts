import type { components } from '../../generated/schema.ts'
import type { RegistryClient } from '../client/create-registry-client.ts'
import type { RunLedger } from '../safety/ledger.ts'
import type { OpenSocket } from './sockets.ts'

type MicroService = components['schemas']['MicroService']
type MicroServiceInstance = components['schemas']['MicroServiceInstance']

/**
 * What a check can be about: an openapi-fetch result (its operation is known) or an operationId.
 * @example
 * t.check('putSchema' satisfies CheckSubject, 'a new contract id joins service.schemas', true)
 */
export type CheckSubject = { response: Response; error?: unknown } | string

/**
 * What a scenario sees: the guarded, spec-checked client and the check helpers.
 * @example
 * async run(t: ScenarioContext) { t.expectStatus(await t.api.GET('/v4/{project}/registry/version', { params: { path: t.path({}) } }), 200) }
 */
export interface ScenarioContext {
  /** The typed client; every response it gets is checked against the spec. */
  readonly api: RegistryClient
  /** The run's namespace and the ids it owns. */
  readonly ledger: RunLedger
  /** Opens a websocket to a registry path; absent when the target serves no websockets. */
  readonly openSocket: OpenSocket | undefined
  /** The name and password the client logs in with, when it uses them. */
  readonly login: { user: string; password: string } | undefined
  /** Path parameters with the project filled in. */
  path<T extends Record<string, string>>(params: T): T & { project: string }
  /** A service name unique within the run, e.g. `tags-3`. */
  name(label: string): string
  /** An endpoint no other run uses, e.g. `rest://192.0.2.10:8003?contract=<runId>`. */
  endpoint(): string
  /** Records a rule; returns whether it held. */
  check(subject: CheckSubject, rule: string, pass: boolean, failure?: string): boolean
  /** Records that the answer had this HTTP status. */
  expectStatus(result: CheckSubject & object, status: number): boolean
  /** Records that the answer was this registry error (status = code/1000, same errorCode). */
  expectError(result: CheckSubject & object, errorCode: string): boolean
  /** Records a rule that could not be checked on this target, with the reason. */
  skip(operationId: string, rule: string, reason: string): void
  /**
   * Reads until `done` holds or the target's allowance for eventual consistency runs out (one
   * read on the mock; a few spaced reads on a live registry, whose caches lag behind writes).
   */
  settle<T>(read: () => Promise<T>, done: (result: T) => boolean): Promise<T>
  /** Stops the scenario when a prerequisite is missing; the stop is recorded as a failure. */
  need<T>(value: T | undefined | null, what: string): T
  /** Creates a service in the run application (environment `development`, version `1.0.0` unless given). */
  createService(service: Partial<MicroService> & { serviceName: string }): Promise<string>
  /** Registers an instance with a unique endpoint (host `contract-host` unless given). */
  registerInstance(serviceId: string, instance?: Partial<MicroServiceInstance>): Promise<string>
}

/**
 * How often and how far apart `settle` reads; `{ attempts: 1 }` reads once.
 * @example
 * const settle: SettleOptions = { attempts: 8, delayMs: 250 }
 */
export interface SettleOptions {
  attempts: number
  delayMs: number
}

/**
 * One scenario: a named story over one resource area, with the operations it calls.
 * @example
 * const scenarios: Scenario[] = [...SCENARIOS, myScenario]
 */
export interface Scenario {
  name: string
  /** The operations it may call, in order; `--dry-run` prints them. */
  operations: readonly string[]
  run(t: ScenarioContext): Promise<void>
}

/**
 * Declares a scenario; the identity function exists for type inference.
 * @example
 * export const version = defineScenario({
 *   name: 'version',
 *   operations: ['getVersion'],
 *   async run(t) {
 *     const result = await t.api.GET('/v4/{project}/registry/version', { params: { path: t.path({}) } })
 *     t.expectStatus(result, 200)
 *   },
 * })
 */
export function defineScenario(scenario: Scenario): Scenario {
  return scenario
}

/**
 * Thrown by `need()` to end a scenario whose prerequisite failed.
 * @example
 * throw new ScenarioStop('stopped: the service was not created')
 */
export class ScenarioStop extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ScenarioStop'
  }
}
