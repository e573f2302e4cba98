import type { OperationCall } from '../http/operation.ts'

// Keyed by the call object every interceptor of one request shares, so nothing leaks into
// headers the handlers or the client could see, entries go away with the call, and no
// interceptor needs the WHATWG Request (which the standalone server only builds on demand).
const applied = new WeakMap<OperationCall, string[]>()

/**
 * Notes that a fault applied to this call, for the request log to show.
 * @example
 * recordAppliedFault(call, 'fault-1')
 */
export function recordAppliedFault(call: OperationCall, faultId: string): void {
  const ids = applied.get(call)
  if (ids) ids.push(faultId)
  else applied.set(call, [faultId])
}

/**
 * The ids of the faults that applied to this call, in the order they applied.
 * @example
 * appliedFaultIds(call) // ['fault-1'] or undefined
 */
export function appliedFaultIds(call: OperationCall): readonly string[] | undefined {
  return applied.get(call)
}
