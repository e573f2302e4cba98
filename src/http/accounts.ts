import { clientAddress } from './client-address.ts'
import { defineRbacOperation } from './rbac-access.ts'

/** `POST /v4/accounts`. */
export const createAccount = defineRbacOperation(
  'createAccount',
  'post',
  '/v4/accounts',
  async ({ rbac, input }) => {
    await rbac.createAccount(input.body)
  },
)

/** `POST /v4/accounts/batch-create`. */
export const batchCreateAccounts = defineRbacOperation(
  'batchCreateAccounts',
  'post',
  '/v4/accounts/batch-create',
  ({ rbac, input }) => rbac.batchCreateAccounts(input.body),
)

/** `GET /v4/accounts`. */
export const listAccounts = defineRbacOperation('listAccounts', 'get', '/v4/accounts', ({ rbac }) =>
  rbac.listAccounts(),
)

/** `GET /v4/accounts/{name}`. */
export const getAccount = defineRbacOperation(
  'getAccount',
  'get',
  '/v4/accounts/:name',
  ({ rbac, input }) => rbac.getAccount(input.params.name!),
)

/** `PUT /v4/accounts/{name}`. */
export const updateAccount = defineRbacOperation(
  'updateAccount',
  'put',
  '/v4/accounts/:name',
  async ({ rbac, caller, input }) => {
    await rbac.updateAccount(caller, input.params.name!, input.body)
  },
)

/** `DELETE /v4/accounts/{name}`. */
export const deleteAccount = defineRbacOperation(
  'deleteAccount',
  'delete',
  '/v4/accounts/:name',
  async ({ rbac, caller, input }) => {
    await rbac.deleteAccount(caller, input.params.name!)
  },
)

/** `POST /v4/accounts/{name}/password`. */
export const changePassword = defineRbacOperation(
  'changePassword',
  'post',
  '/v4/accounts/:name/password',
  async ({ rbac, caller, input }) => {
    const address = clientAddress((name) => input.request.headers.get(name), input.remoteAddress)
    await rbac.changePassword(caller, input.params.name!, input.body, address)
  },
)

/** `GET /v4/account-locks`. */
export const listAccountLocks = defineRbacOperation(
  'listAccountLocks',
  'get',
  '/v4/account-locks',
  ({ rbac }) => rbac.listLocks(),
)

/** `GET /v4/self-perms`. */
export const listSelfPerms = defineRbacOperation(
  'listSelfPerms',
  'get',
  '/v4/self-perms',
  ({ rbac, caller }) => rbac.selfPerms(caller),
)
