import { defineRbacOperation } from './rbac-access.ts'

/** `GET /v4/roles`. */
export const listRoles = defineRbacOperation('listRoles', 'get', '/v4/roles', ({ rbac }) =>
  rbac.listRoles(),
)

/** `POST /v4/roles`. */
export const createRole = defineRbacOperation(
  'createRole',
  'post',
  '/v4/roles',
  async ({ rbac, input }) => {
    await rbac.createRole(input.body)
  },
)

/** `GET /v4/roles/{roleName}`. */
export const getRole = defineRbacOperation(
  'getRole',
  'get',
  '/v4/roles/:roleName',
  ({ rbac, input }) => rbac.getRole(input.params.roleName!),
)

/** `PUT /v4/roles/{roleName}`. */
export const updateRole = defineRbacOperation(
  'updateRole',
  'put',
  '/v4/roles/:roleName',
  async ({ rbac, input }) => {
    await rbac.updateRole(input.params.roleName!, input.body)
  },
)

/** `DELETE /v4/roles/{roleName}`. */
export const deleteRole = defineRbacOperation(
  'deleteRole',
  'delete',
  '/v4/roles/:roleName',
  async ({ rbac, input }) => {
    await rbac.deleteRole(input.params.roleName!)
  },
)
