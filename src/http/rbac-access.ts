import type { Caller, Rbac } from '../registry/rbac/index.ts'
import type { OperationInput } from './operation.ts'

/**
 * The RBAC of the registry and the caller of the request, for the account and role
 * operations (the auth interceptor answers 404 for them while RBAC is off).
 * @example
 * const { rbac, caller } = rbacOf(input)
 */
export function rbacOf(input: OperationInput): { rbac: Rbac; caller: Caller } {
  const { rbac } = input.registry
  const caller = input.ctx.caller
  if (!rbac || !caller) throw new Error('unreachable: an RBAC operation ran without RBAC or caller')
  return { rbac, caller }
}
