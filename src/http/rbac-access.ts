import type { Registry } from '../registry/index.ts'
import type { Caller, Rbac } from '../registry/rbac/index.ts'
import {
  defineOperation,
  type Method,
  type OperationDefinition,
  type OperationInput,
} from './operation.ts'

/**
 * The RBAC of the registry and the caller of the request, for the account and role
 * operations (they are not routed while RBAC is off: see `notRouted`).
 * @example
 * const { rbac, caller } = rbacOf(input)
 */
export function rbacOf(input: OperationInput): { rbac: Rbac; caller: Caller } {
  const { rbac } = input.registry
  const caller = input.ctx.caller
  if (!rbac || !caller) throw new Error('unreachable: an RBAC operation ran without RBAC or caller')
  return { rbac, caller }
}

/**
 * Service Center registers the account and role routes only with RBAC on: without it they are
 * Go's plain 404, whatever the method.
 * @example
 * defineOperation({ operationId: 'listRoles', method: 'get', path: '/v4/roles', absent: notRouted, handle })
 */
export function notRouted(registry: Registry): boolean {
  return !registry.requiresAuth
}

/**
 * Declares an account or role operation: routed only with RBAC on (`notRouted`), its `run`
 * given the RBAC, the caller and the input. What `run` returns is the JSON body; `undefined`
 * answers the registry's empty 200.
 * @example
 * export const listRoles = defineRbacOperation('listRoles', 'get', '/v4/roles', ({ rbac }) => rbac.listRoles())
 */
export function defineRbacOperation(
  operationId: string,
  method: Method,
  path: string,
  run: (access: { rbac: Rbac; caller: Caller; input: OperationInput }) => unknown,
): OperationDefinition {
  return defineOperation({
    operationId,
    method,
    path,
    absent: notRouted,
    handle: async (input) => {
      const body = await run({ ...rbacOf(input), input })
      return body === undefined ? {} : { body }
    },
  })
}
