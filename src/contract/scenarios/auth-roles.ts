import { randomBytes } from 'node:crypto'
import { errorCodeOf } from '../framework/results.ts'
import { defineScenario, type ScenarioContext } from '../framework/scenario.ts'
import { authorizationOrSkip, detailOf } from './auth-tokens.ts'

const RULES = [
  'a role with service:get may list services',
  'a role without service:create gets 403205 naming service:create',
  'a role without account:get gets 403205 on the account list',
  'self-perms lists the permissions of the account’s role',
  'a token of a deleted account answers 401206',
] as const

const LOCK_RULES = [
  'three failed logins answer 401202',
  'the fourth login is blocked with 403201, even with the right password',
] as const

/** A password that passes Service Center's rule, different in every run. */
function password(): string {
  return `Ct#${randomBytes(6).toString('hex')}Aa1`
}

async function createAccount(t: ScenarioContext, name: string, roles: string[], secret: string) {
  const created = await t.api.POST('/v4/accounts', { body: { name, password: secret, roles } })
  if (created.response.status === 200) t.ledger.recordRbac('account', name, true)
  return created
}

async function loginAs(t: ScenarioContext, name: string, secret: string) {
  const login = await t.api.POST('/v4/token', { body: { name, password: secret } })
  return login.data?.token ? `Bearer ${login.data.token}` : undefined
}

/**
 * A restricted account the run creates (a role with `service:get` only) is held to its role,
 * and its token dies with it; the account and role are deleted again. Needs an `admin` login.
 * @example
 * createContractRun({ target, scenarios: [authRoles] })
 */
export const authRoles = defineScenario({
  name: 'auth-roles',
  operations: [
    'createRole',
    'createAccount',
    'createToken',
    'listServices',
    'createService',
    'listAccounts',
    'listSelfPerms',
    'deleteAccount',
    'deleteRole',
  ],
  async run(t) {
    if (!(await authorizationOrSkip(t, 'createAccount', RULES))) return
    const roleName = `${t.ledger.appId}-reader`
    const perms = [{ resources: [{ type: 'service' }], verbs: ['get'] }]
    const role = await t.api.POST('/v4/roles', { body: { name: roleName, perms } })
    if (role.response.status === 403) {
      for (const rule of RULES)
        t.skip('createRole', rule, 'the run’s account may not create roles (it needs admin)')
      return
    }
    if (!t.expectStatus(role, 200)) return
    t.ledger.recordRbac('role', roleName, true)
    const name = `${t.ledger.appId}-reader`
    const secret = password()
    t.expectStatus(await createAccount(t, name, [roleName], secret), 200)
    const reader = t.need(await loginAs(t, name, secret), 'the restricted account could not log in')
    const headers = { Authorization: reader }
    const path = { params: { path: t.path({}) }, headers }

    const list = await t.api.GET('/v4/{project}/registry/microservices', path)
    t.check(list, RULES[0], list.response.status === 200, `got ${list.response.status}`)
    const create = await t.api.POST('/v4/{project}/registry/microservices', {
      ...path,
      body: { service: { appId: t.ledger.appId, serviceName: t.name('auth'), version: '1.0.0' } },
    })
    t.check(
      create,
      RULES[1],
      create.response.status === 403 &&
        errorCodeOf(create) === '403205' &&
        detailOf(create) === 'role has no permissions[service:create]',
      `got ${create.response.status} ${JSON.stringify(create.error ?? create.data)}`,
    )
    if (create.data?.serviceId) t.ledger.recordCreated(create.data.serviceId)
    const accounts = await t.api.GET('/v4/accounts', { headers })
    t.check(
      accounts,
      RULES[2],
      accounts.response.status === 403 && errorCodeOf(accounts) === '403205',
      `got ${accounts.response.status} ${JSON.stringify(errorCodeOf(accounts))}`,
    )
    const self = await t.api.GET('/v4/self-perms', { headers })
    t.check(
      self,
      RULES[3],
      JSON.stringify(self.data?.perms) === JSON.stringify(perms),
      `got ${self.response.status} ${JSON.stringify(self.data ?? self.error)}`,
    )
    const deleted = await t.api.DELETE('/v4/accounts/{name}', { params: { path: { name } } })
    if (t.expectStatus(deleted, 200)) t.ledger.recordRbac('account', name, false)
    const after = await t.api.GET('/v4/{project}/registry/microservices', path)
    t.check(
      after,
      RULES[4],
      after.response.status === 401 && errorCodeOf(after) === '401206',
      `got ${after.response.status} ${JSON.stringify(errorCodeOf(after))}`,
    )
    const dropped = await t.api.DELETE('/v4/roles/{roleName}', { params: { path: { roleName } } })
    if (t.expectStatus(dropped, 200)) t.ledger.recordRbac('role', roleName, false)
  },
})

/**
 * Lockout, probed on a throw-away account the run creates (never the operator's): three
 * failed logins, then the right password is refused with 403201. The account is deleted; its
 * lock is keyed by its unique name and expires on its own.
 * @example
 * createContractRun({ target, scenarios: [authLockout] })
 */
export const authLockout = defineScenario({
  name: 'auth-lockout',
  operations: ['createAccount', 'createToken', 'deleteAccount'],
  async run(t) {
    if (!(await authorizationOrSkip(t, 'createToken', LOCK_RULES))) return
    const name = `${t.ledger.appId}-lock`
    const secret = password()
    const created = await createAccount(t, name, ['developer'], secret)
    if (created.response.status === 403) {
      for (const rule of LOCK_RULES)
        t.skip('createToken', rule, 'the run’s account may not create accounts (it needs admin)')
      return
    }
    if (!t.expectStatus(created, 200)) return
    let failures = 0
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const wrong = await t.api.POST('/v4/token', { body: { name, password: `${secret}x` } })
      if (wrong.response.status === 401 && errorCodeOf(wrong) === '401202') failures += 1
    }
    t.check('createToken', LOCK_RULES[0], failures === 3, `${failures} of 3 answered 401202`)
    const blocked = await t.api.POST('/v4/token', { body: { name, password: secret } })
    t.check(
      blocked,
      LOCK_RULES[1],
      blocked.response.status === 403 && errorCodeOf(blocked) === '403201',
      `got ${blocked.response.status} ${JSON.stringify(errorCodeOf(blocked) ?? 'a token')}`,
    )
    const deleted = await t.api.DELETE('/v4/accounts/{name}', { params: { path: { name } } })
    if (t.expectStatus(deleted, 200)) t.ledger.recordRbac('account', name, false)
  },
})
