import { beforeEach, describe, expect, it } from 'vitest'
import { COVERAGE } from './coverage.ts'
import {
  expectEmptyOk,
  expectError,
  expectJsonOk,
  get,
  itExercises,
  post,
  useCseMock,
} from './helpers.ts'
import { account, call, expectNoDetail, login, PASSWORD, ROOT_PASSWORD } from './rbac-helpers.ts'

const api = useCseMock({ profile: 'servicecomb', rbac: { rootPassword: ROOT_PASSWORD } })

let root: Record<string, string> = {}
beforeEach(async () => {
  root = await login()
})

describe('accounts', () => {
  it('creates an account that can log in, and lists and gets it without its password', async () => {
    await account('dev-a', ['developer'], root)
    const list = expectJsonOk(
      await call<{ total: number; data: { name: string }[] }>('GET', '/v4/accounts', root),
    )
    expect(list.total).toBe(2)
    expect(list.data.map((a) => a.name)).toEqual(['root', 'dev-a'])
    const got = expectJsonOk(await call<Record<string, unknown>>('GET', '/v4/accounts/dev-a', root))
    expect(got).toMatchObject({ name: 'dev-a', roles: ['developer'], status: 'active' })
    expect(got).not.toHaveProperty('password')
    expect(got.id).toMatch(/^[0-9a-f]{32}$/)
  })

  it("checks a new account with Service Center's rules and codes", async () => {
    const create = (body: unknown) => call('POST', '/v4/accounts', root, body)
    expectError(
      await create({ name: 'x', password: 'weak', roles: ['developer'] }),
      '400001',
      /Account.Password/,
    )
    expectError(
      await create({ name: 'x', password: PASSWORD }),
      '400001',
      /'Account.Roles' invalid value '\[\]'/,
    )
    expectError(
      await create({ name: '-x', password: PASSWORD, roles: ['developer'] }),
      '400001',
      /Account.Name/,
    )
    expectError(
      await create({ name: 'x', password: PASSWORD, roles: ['nope'] }),
      '400202',
      'role not exist',
    )
    expectError(
      await create({ name: 'root', password: PASSWORD, roles: ['admin'] }),
      '409200',
      'account is duplicated',
    )
    expectError(
      await create({ name: 'Dev#Pa55word', password: PASSWORD, roles: ['developer'] }),
      '400001',
    )
  })

  it('creates accounts in a batch and reports each outcome', async () => {
    const reply = await call<{ accounts: Record<string, string>[] }>(
      'POST',
      '/v4/accounts/batch-create',
      root,
      {
        accounts: [
          { name: 'b1', password: PASSWORD, roles: ['developer'] },
          { name: 'root', roles: ['admin'] },
        ],
      },
    )
    expect(expectJsonOk(reply).accounts).toEqual([
      { name: 'b1' },
      {
        name: 'root',
        errorCode: '409200',
        errorMessage: 'account name is duplicated',
        detail: 'account is duplicated',
      },
    ])
    expectError(await call('POST', '/v4/accounts/batch-create', root, { accounts: [] }), '400001')
  })

  it('changes roles and status, but never root or the caller itself', async () => {
    await account('dev-b', ['developer'], root)
    expectEmptyOk(
      await call('PUT', '/v4/accounts/dev-b', root, { roles: ['admin'], status: 'inactive' }),
    )
    expect(expectJsonOk(await call('GET', '/v4/accounts/dev-b', root))).toMatchObject({
      roles: ['admin'],
      status: 'inactive',
    })
    expectError(
      await call('PUT', '/v4/accounts/root', root, { roles: ['developer'] }),
      '403202',
      'root can not be operated',
    )
    const b = await login('dev-b', PASSWORD)
    expectError(
      await call('PUT', '/v4/accounts/dev-b', b, { roles: ['developer'] }),
      '403204',
      'your account can not be operated',
    )
    expectError(
      await call('PUT', '/v4/accounts/ghost', root, { roles: ['developer'] }),
      '400200',
      'account [ghost] not exist',
    )
    expectError(await call('PUT', '/v4/accounts/dev-b', root, { roles: ['nope'] }), '400202')
  })

  it('deletes an account; its token then answers 401206', async () => {
    const dev = await account('dev-c', ['developer'], root)
    expectJsonOk(await get('/microservices', { headers: dev }))
    expectEmptyOk(await call('DELETE', '/v4/accounts/dev-c', root))
    expectError(
      await get('/microservices', { headers: dev }),
      '401206',
      'account [dev-c] is deleted',
    )
    expectError(await call('DELETE', '/v4/accounts/dev-c', root), '400200')
    expectError(await call('DELETE', '/v4/accounts/root', root), '403202')
  })

  it('changes a password: one’s own with the current one, anyone’s as admin', async () => {
    const dev = await account('dev-d', ['developer'], root)
    const change = (headers: Record<string, string>, name: string, body: unknown) =>
      call('POST', `/v4/accounts/${name}/password`, headers, body)
    expectError(
      await change(dev, 'dev-d', { password: 'New#Pa55word' }),
      '400001',
      'current password should not be empty',
    )
    expectError(
      await change(dev, 'dev-d', { currentPassword: PASSWORD, password: PASSWORD }),
      '400206',
    )
    const wrong = await change(dev, 'dev-d', {
      currentPassword: 'Wrong#Pa55',
      password: 'New#Pa55word',
    })
    expectError(wrong, '401207')
    expectNoDetail(wrong)
    expectEmptyOk(
      await change(dev, 'dev-d', { currentPassword: PASSWORD, password: 'New#Pa55word' }),
    )
    await login('dev-d', 'New#Pa55word')
    expectError(
      await change(dev, 'root', { password: 'New#Pa55word' }),
      '403001',
      'can not change other account password',
    )
    expectEmptyOk(await change(root, 'dev-d', { password: 'Other#Pa55word' }))
    await login('dev-d', 'Other#Pa55word')
  })

  it('lists the permissions of the caller’s roles', async () => {
    const dev = await account('dev-e', ['developer'], root)
    const perms = expectJsonOk(
      await call<{ perms: { verbs: string[] }[] }>('GET', '/v4/self-perms', dev),
    ).perms
    expect(perms).toEqual([
      {
        resources: ['config', 'service', 'governance', 'ops', 'service/schema'].map((type) => ({
          type,
        })),
        verbs: ['*'],
      },
    ])
  })
})

describe('lockout', () => {
  it('blocks a name and address after three failed logins, for 15 minutes on the mock clock', async () => {
    await account('dev-f', ['developer'], root)
    const attempt = (password: string) => post('/v4/token', { name: 'dev-f', password })
    for (let i = 0; i < 3; i++) {
      const reply = await attempt('Wrong#Pa55')
      expectError(reply, '401202')
      expectNoDetail(reply)
    }
    const blocked = await attempt(PASSWORD)
    expectError(blocked, '403201')
    expectNoDetail(blocked)
    const locks = expectJsonOk(
      await call<{ data: { key: string; status: string }[] }>('GET', '/v4/account-locks', root),
    )
    expect(locks.data).toContainEqual(expect.objectContaining({ key: 'dev-f::', status: 'banned' }))
    api.mock().advance(15 * 60_000)
    expectError(await attempt(PASSWORD), '403201')
    api.mock().advance(1000)
    expectJsonOk(await attempt(PASSWORD))
  })

  it('keys the block by the client address of X-Forwarded-For', async () => {
    await account('dev-g', ['developer'], root)
    const from = (ip: string, password: string) =>
      post('/v4/token', { name: 'dev-g', password }, { headers: { 'X-Forwarded-For': ip } })
    for (let i = 0; i < 3; i++) await from('10.0.0.7', 'Wrong#Pa55')
    expectError(await from('10.0.0.7', PASSWORD), '403201')
    expectJsonOk(await from('10.0.0.8', PASSWORD))
  })
})

describe('POST /v4/token, worded as Service Center words it', () => {
  it('names the bad lifetime, the wrong type and the missing body as its decoder does', async () => {
    const token = (body: unknown) => post('/v4/token', body)
    expectError(
      await token({ name: 'root', password: 'x', tokenExpirationTime: '1m' }),
      '400001',
      "field 'Account.TokenExpirationTime' invalid value '1m' does not match rule: {Regexp: TokenExpirationTime}",
    )
    expectError(
      await token({ name: 1 }),
      '400001',
      'json: cannot unmarshal number into Go struct field Account.name of type string',
    )
    expectError(await token(undefined), '400001', 'unexpected end of JSON input')
  })
})

describe('the Authorization header, parsed as Service Center parses it', () => {
  it('answers 401204 without a detail when the header is missing', async () => {
    const reply = await get('/microservices')
    expectError(reply, '401204')
    expectNoDetail(reply)
  })

  it('ignores the scheme word: Basic <token> is accepted', async () => {
    const token = root.Authorization!.slice('Bearer '.length)
    expectJsonOk(await get('/microservices', { headers: { Authorization: `Basic ${token}` } }))
  })

  it('refuses two spaces, a bare token and a bad signature with 401201', async () => {
    const token = root.Authorization!.slice('Bearer '.length)
    expectError(
      await get('/microservices', { headers: { Authorization: `Bearer  ${token}` } }),
      '401201',
      'invalid auth header',
    )
    expectError(
      await get('/microservices', { headers: { Authorization: token } }),
      '401201',
      'invalid auth header',
    )
    const [h, p] = token.split('.')
    expectError(
      await get('/microservices', { headers: { Authorization: `Bearer ${h}.${p}.AAAA` } }),
      '401201',
    )
    expectError(
      await get('/microservices', { headers: { Authorization: 'Bearer a.b' } }),
      '401201',
      'token contains an invalid number of segments',
    )
  })

  it('answers 401205 without a detail once the token expired', async () => {
    const short = await login('root', ROOT_PASSWORD, '15m')
    api.mock().advance(15 * 60_000 + 1000)
    const reply = await get('/microservices', { headers: short })
    expectError(reply, '401205')
    expectNoDetail(reply)
  })
})

itExercises(api, COVERAGE.accounts)
