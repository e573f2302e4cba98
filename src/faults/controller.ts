import { delay } from 'msw'
import type { Interceptor, OperationCall } from '../http/operation.ts'
import type { Registry } from '../registry/index.ts'
import { answerFault, HEARTBEAT_OPERATIONS } from './answer.ts'
import { recordAppliedFault } from './applied.ts'
import { InvalidFaultRuleError } from './errors.ts'
import { type CompiledMatch, compileMatch, matchesRequest } from './match.ts'
import { createSeededRandom } from './random.ts'
import { serviceNameOf } from './service-name.ts'
import type { ActiveFault, FaultRule } from './types.ts'
import { validateFaultRule } from './validate-rule.ts'

/**
 * What the controller needs: the registry, to look up the service a call is about.
 * @example
 * const options: FaultControllerOptions = { registry }
 */
export interface FaultControllerOptions {
  registry: Registry
}

/**
 * The faults of a mock: add, list and remove rules; `interceptor` applies them to calls.
 * @example
 * const { id } = mock.faults.add({ action: { type: 'network' }, times: 1 })
 * mock.faults.remove(id)
 */
export interface FaultController {
  /** Adds a rule after the others; returns it with its id. Throws `InvalidFaultRuleError`. */
  add(rule: FaultRule): ActiveFault
  /** Removes a rule; `false` when no rule has that id. */
  remove(id: string): boolean
  /** Removes every rule. */
  clear(): void
  /** The active rules, in the order they are checked. */
  list(): ActiveFault[]
  /** Plugs the rules into the HTTP layer's interceptor chain. */
  readonly interceptor: Interceptor
}

interface Entry {
  fault: ActiveFault
  match: CompiledMatch
  random: () => number
}

/**
 * Creates the fault controller of a mock. Rules are checked in the order added: every matching
 * `latency` adds its delay, then the first matching terminal rule answers the call.
 * @example
 * const faults = createFaultController({ registry })
 * faults.add({ match: { operationId: 'heartbeat' }, action: { type: 'error', errorCode: '500011' }, times: 2 })
 */
export function createFaultController({ registry }: FaultControllerOptions): FaultController {
  let entries: Entry[] = []
  let counter = 0

  const retire = (entry: Entry) => {
    entries = entries.filter((other) => other !== entry)
  }
  // Claims one application; false when a concurrent call used up the rule first.
  const claim = (entry: Entry, call: OperationCall): boolean => {
    if (!entries.includes(entry)) return false
    const { fault } = entry
    fault.hits += 1
    if (fault.remaining !== undefined) {
      fault.remaining -= 1
      if (fault.remaining <= 0) retire(entry)
    }
    recordAppliedFault(call, fault.id)
    return true
  }

  const apply: Interceptor = async (call, next) => {
    let serviceName: Promise<string | undefined> | undefined
    let latencyMs = 0
    let terminal: Entry | undefined
    for (const entry of [...entries]) {
      const { action } = entry.fault
      if (action.type !== 'latency' && terminal) continue
      if (action.type === 'drop-heartbeats' && !HEARTBEAT_OPERATIONS.has(call.operationId)) continue
      if (!matchesRequest(entry.match, call)) continue
      if (entry.match.serviceName !== undefined) {
        serviceName ??= serviceNameOf(call, registry)
        if ((await serviceName) !== entry.match.serviceName) continue
      }
      const { probability } = entry.fault
      if (probability !== undefined && !(entry.random() < probability)) continue
      if (!claim(entry, call)) continue
      if (action.type === 'latency') latencyMs += latencyOf(action, entry.random)
      else terminal = entry
    }
    if (latencyMs > 0) await delay(latencyMs)
    if (!terminal || terminal.fault.action.type === 'latency') return next()
    return answerFault(terminal.fault.action, call, registry, next)
  }
  // Without rules (the usual case) a call passes straight through, without a promise of its own.
  const interceptor: Interceptor = (call, next) =>
    entries.length === 0 ? next() : apply(call, next)

  return {
    add(input) {
      const rule = validateFaultRule(input)
      const id = rule.id ?? nextId()
      if (entries.some((entry) => entry.fault.id === id)) {
        throw new InvalidFaultRuleError(`id "${id}" is already used by an active fault`)
      }
      const fault: ActiveFault = { ...rule, id, hits: 0 }
      if (rule.times !== undefined) fault.remaining = rule.times
      entries.push({
        fault,
        match: compileMatch(rule.match),
        random: createSeededRandom(rule.seed ?? 1),
      })
      return structuredClone(fault)
    },
    remove(id) {
      const before = entries.length
      entries = entries.filter((entry) => entry.fault.id !== id)
      return entries.length < before
    },
    clear() {
      entries = []
    },
    list: () => entries.map((entry) => structuredClone(entry.fault)),
    interceptor,
  }

  function nextId(): string {
    let id: string
    do id = `fault-${++counter}`
    while (entries.some((entry) => entry.fault.id === id))
    return id
  }
}

function latencyOf(action: { ms?: number; min?: number; max?: number }, random: () => number) {
  if (action.ms !== undefined) return action.ms
  const min = action.min ?? 0
  const max = action.max ?? min
  return min + Math.floor(random() * (max - min + 1))
}
