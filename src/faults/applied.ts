// Keyed by the Request object itself, so nothing leaks into headers the handlers or the client
// could see, and entries go away with the request.
const applied = new WeakMap<Request, string[]>()

/**
 * Notes that a fault applied to this call, for the request log to show.
 * @example
 * recordAppliedFault(call.request, 'fault-1')
 */
export function recordAppliedFault(request: Request, faultId: string): void {
  const ids = applied.get(request)
  if (ids) ids.push(faultId)
  else applied.set(request, [faultId])
}

/**
 * The ids of the faults that applied to this call, in the order they applied.
 * @example
 * appliedFaultIds(call.request) // ['fault-1'] or undefined
 */
export function appliedFaultIds(request: Request): readonly string[] | undefined {
  return applied.get(request)
}
