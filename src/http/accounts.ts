import { clientAddress } from './client-address.ts'
import { defineOperation } from './operation.ts'
import { notRouted, rbacOf } from './rbac-access.ts'

/** `POST /v4/accounts`. */
export const createAccount = defineOperation({
  operationId: 'createAccount',
  method: 'post',
  path: '/v4/accounts',
  absent: notRouted,
  handle: async (input) => {
    await rbacOf(input).rbac.createAccount(input.body)
    return {}
  },
})

/** `POST /v4/accounts/batch-create`. */
export const batchCreateAccounts = defineOperation({
  operationId: 'batchCreateAccounts',
  method: 'post',
  path: '/v4/accounts/batch-create',
  absent: notRouted,
  handle: async (input) => ({ body: await rbacOf(input).rbac.batchCreateAccounts(input.body) }),
})

/** `GET /v4/accounts`. */
export const listAccounts = defineOperation({
  operationId: 'listAccounts',
  method: 'get',
  path: '/v4/accounts',
  absent: notRouted,
  handle: async (input) => ({ body: await rbacOf(input).rbac.listAccounts() }),
})

/** `GET /v4/accounts/{name}`. */
export const getAccount = defineOperation({
  operationId: 'getAccount',
  method: 'get',
  path: '/v4/accounts/:name',
  absent: notRouted,
  handle: async (input) => ({ body: await rbacOf(input).rbac.getAccount(input.params.name!) }),
})

/** `PUT /v4/accounts/{name}`. */
export const updateAccount = defineOperation({
  operationId: 'updateAccount',
  method: 'put',
  path: '/v4/accounts/:name',
  absent: notRouted,
  handle: async (input) => {
    const { rbac, caller } = rbacOf(input)
    await rbac.updateAccount(caller, input.params.name!, input.body)
    return {}
  },
})

/** `DELETE /v4/accounts/{name}`. */
export const deleteAccount = defineOperation({
  operationId: 'deleteAccount',
  method: 'delete',
  path: '/v4/accounts/:name',
  absent: notRouted,
  handle: async (input) => {
    const { rbac, caller } = rbacOf(input)
    await rbac.deleteAccount(caller, input.params.name!)
    return {}
  },
})

/** `POST /v4/accounts/{name}/password`. */
export const changePassword = defineOperation({
  operationId: 'changePassword',
  method: 'post',
  path: '/v4/accounts/:name/password',
  absent: notRouted,
  handle: async (input) => {
    const { rbac, caller } = rbacOf(input)
    const address = clientAddress((name) => input.request.headers.get(name), input.remoteAddress)
    await rbac.changePassword(caller, input.params.name!, input.body, address)
    return {}
  },
})

/** `GET /v4/account-locks`. */
export const listAccountLocks = defineOperation({
  operationId: 'listAccountLocks',
  method: 'get',
  path: '/v4/account-locks',
  absent: notRouted,
  handle: (input) => ({ body: rbacOf(input).rbac.listLocks() }),
})

/** `GET /v4/self-perms`. */
export const listSelfPerms = defineOperation({
  operationId: 'listSelfPerms',
  method: 'get',
  path: '/v4/self-perms',
  absent: notRouted,
  handle: async (input) => {
    const { rbac, caller } = rbacOf(input)
    return { body: await rbac.selfPerms(caller) }
  },
})
