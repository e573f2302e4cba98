import { defineOperation } from './operation.ts'
import { notRouted, rbacOf } from './rbac-access.ts'

/** `GET /v4/roles`. */
export const listRoles = defineOperation({
  operationId: 'listRoles',
  method: 'get',
  path: '/v4/roles',
  absent: notRouted,
  handle: async (input) => ({ body: await rbacOf(input).rbac.listRoles() }),
})

/** `POST /v4/roles`. */
export const createRole = defineOperation({
  operationId: 'createRole',
  method: 'post',
  path: '/v4/roles',
  absent: notRouted,
  handle: async (input) => {
    await rbacOf(input).rbac.createRole(input.body)
    return {}
  },
})

/** `GET /v4/roles/{roleName}`. */
export const getRole = defineOperation({
  operationId: 'getRole',
  method: 'get',
  path: '/v4/roles/:roleName',
  absent: notRouted,
  handle: async (input) => ({ body: await rbacOf(input).rbac.getRole(input.params.roleName!) }),
})

/** `PUT /v4/roles/{roleName}`. */
export const updateRole = defineOperation({
  operationId: 'updateRole',
  method: 'put',
  path: '/v4/roles/:roleName',
  absent: notRouted,
  handle: async (input) => {
    await rbacOf(input).rbac.updateRole(input.params.roleName!, input.body)
    return {}
  },
})

/** `DELETE /v4/roles/{roleName}`. */
export const deleteRole = defineOperation({
  operationId: 'deleteRole',
  method: 'delete',
  path: '/v4/roles/:roleName',
  absent: notRouted,
  handle: async (input) => {
    await rbacOf(input).rbac.deleteRole(input.params.roleName!)
    return {}
  },
})
