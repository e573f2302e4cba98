import { randomBytes } from 'node:crypto'
import { errorCodeOf } from '../framework/results.ts'
import { defineScenario } from '../framework/scenario.ts'
import { authorizationOrSkip } from './auth-tokens.ts'

const RULES = [
  'creates accounts in a batch, one outcome each',
  'reads an account without its password',
  'changes the roles of an account',
  'an admin sets another account’s password without the current one',
  'lists the login-failure locks',
  'lists the built-in admin and developer roles',
  'reads and replaces a custom role',
] as const

/**
 * The account and role API as an `admin` uses it, on names in the run's namespace only:
 * batch creation, reads, role and password changes, locks and roles. Everything it creates is
 * deleted again (by teardown if the scenario stops early).
 * @example
 * createContractRun({ target, scenarios: [authAccounts] })
 */
export const authAccounts = defineScenario({
  name: 'auth-accounts',
  operations: [
    'batchCreateAccounts',
    'getAccount',
    'createRole',
    'updateAccount',
    'changePassword',
    'createToken',
    'listAccountLocks',
    'listRoles',
    'getRole',
    'updateRole',
    'deleteAccount',
    'deleteRole',
  ],
  async run(t) {
    if (!(await authorizationOrSkip(t, 'batchCreateAccounts', RULES))) return
    const name = `${t.ledger.appId}-batch`
    const secret = `Ct#${randomBytes(6).toString('hex')}Aa1`
    const batch = await t.api.POST('/v4/accounts/batch-create', {
      body: { accounts: [{ name, password: secret, roles: ['developer'] }] },
    })
    if (batch.response.status === 403) {
      for (const rule of RULES)
        t.skip(
          'batchCreateAccounts',
          rule,
          'the run’s account may not manage accounts (it needs admin)',
        )
      return
    }
    const entries = batch.data?.accounts ?? []
    if (entries.some((entry) => entry.name === name && !entry.errorCode))
      t.ledger.recordRbac('account', name, true)
    t.check(
      batch,
      RULES[0],
      entries.length === 1 && entries[0]?.name === name && !entries[0].errorCode,
      JSON.stringify(batch.data ?? batch.error),
    )

    const account = await t.api.GET('/v4/accounts/{name}', { params: { path: { name } } })
    t.check(
      account,
      RULES[1],
      account.data?.name === name &&
        !('password' in (account.data ?? {})) &&
        account.data?.roles?.[0] === 'developer',
      JSON.stringify(account.data ?? account.error),
    )
    const roleName = `${t.ledger.appId}-schemas`
    const perms = [{ resources: [{ type: 'service/schema' }], verbs: ['get'] }]
    const role = await t.api.POST('/v4/roles', { body: { name: roleName, perms } })
    if (t.expectStatus(role, 200)) t.ledger.recordRbac('role', roleName, true)
    const update = await t.api.PUT('/v4/accounts/{name}', {
      params: { path: { name } },
      body: { roles: [roleName] },
    })
    const updated = await t.api.GET('/v4/accounts/{name}', { params: { path: { name } } })
    t.check(
      update,
      RULES[2],
      update.response.status === 200 && updated.data?.roles?.[0] === roleName,
      JSON.stringify(updated.data ?? update.error),
    )

    const next = `Ct#${randomBytes(6).toString('hex')}Bb2`
    const change = await t.api.POST('/v4/accounts/{name}/password', {
      params: { path: { name } },
      body: { password: next },
    })
    const login = await t.api.POST('/v4/token', { body: { name, password: next } })
    t.check(
      change,
      RULES[3],
      change.response.status === 200 && login.response.status === 200,
      `change ${change.response.status}, login ${login.response.status}`,
    )

    const locks = await t.api.GET('/v4/account-locks', {})
    t.check(
      locks,
      RULES[4],
      locks.response.status === 200 && Array.isArray(locks.data?.data ?? []),
      `got ${locks.response.status}`,
    )
    const roles = await t.api.GET('/v4/roles', {})
    const names = (roles.data?.data ?? []).map((r) => r.name)
    t.check(
      roles,
      RULES[5],
      names.includes('admin') && names.includes('developer'),
      JSON.stringify(names),
    )

    const widened = [{ resources: [{ type: 'service/schema' }], verbs: ['get', 'update'] }]
    const put = await t.api.PUT('/v4/roles/{roleName}', {
      params: { path: { roleName } },
      body: { perms: widened },
    })
    const got = await t.api.GET('/v4/roles/{roleName}', { params: { path: { roleName } } })
    t.check(
      put,
      RULES[6],
      put.response.status === 200 && JSON.stringify(got.data?.perms) === JSON.stringify(widened),
      `update ${put.response.status} ${JSON.stringify(errorCodeOf(put))}, read ${JSON.stringify(got.data ?? got.error)}`,
    )

    const deleted = await t.api.DELETE('/v4/accounts/{name}', { params: { path: { name } } })
    if (t.expectStatus(deleted, 200)) t.ledger.recordRbac('account', name, false)
    const dropped = await t.api.DELETE('/v4/roles/{roleName}', { params: { path: { roleName } } })
    if (t.expectStatus(dropped, 200)) t.ledger.recordRbac('role', roleName, false)
  },
})
