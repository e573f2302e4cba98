import { afterEach, describe, expect, it } from 'vitest'
import type { RbacOptions } from '../../src/registry/rbac/index.ts'
import type { Snapshot } from '../../src/registry/snapshot.ts'
import { type CseMockServer, startCseMockServer } from '../../src/server/index.ts'

const ROOT_PASSWORD = 'Root#Pa55word'
const PASSWORD = 'Dev#Pa55word'

const servers: CseMockServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function start(rbac: RbacOptions = {}) {
  const server = await startCseMockServer({
    port: 0,
    clock: 'virtual',
    rbac: { rootPassword: ROOT_PASSWORD, ...rbac },
  })
  servers.push(server)
  const root = (await login(server, 'root', ROOT_PASSWORD)).json.token as string
  const call = (method: string, path: string, body?: unknown) =>
    request(server, method, path, `Bearer ${root}`, body)
  return { server, call }
}

async function request(
  server: CseMockServer,
  method: string,
  path: string,
  auth?: string,
  body?: unknown,
) {
  const headers: Record<string, string> = auth ? { Authorization: auth } : {}
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  return { status: response.status, text, json: text ? JSON.parse(text) : undefined }
}

const login = (server: CseMockServer, name: string, password: string) =>
  request(server, 'POST', '/v4/token', undefined, { name, password })

describe('login-failure locks in snapshots', () => {
  it('a restored snapshot keeps a ban with its release time, on another mock too', async () => {
    const first = await start()
    const created = await first.call('POST', '/v4/accounts', {
      name: 'dev-lock',
      password: PASSWORD,
      roles: ['developer'],
    })
    expect(created.status, created.text).toBe(200)
    for (let i = 0; i < 3; i++) {
      expect((await login(first.server, 'dev-lock', 'Wrong#Pa55word')).status).toBe(401)
    }
    expect((await login(first.server, 'dev-lock', PASSWORD)).json.errorCode).toBe('403201')
    const snapshot = (await first.call('GET', '/__cse-mock/snapshot')).json as Snapshot
    const locks = snapshot.rbac?.locks ?? []
    expect(locks).toEqual([
      {
        key: expect.stringMatching(/^dev-lock::/),
        status: 'banned',
        releaseAt: expect.any(Number),
      },
    ])

    const second = await start()
    expect((await login(second.server, 'dev-lock', PASSWORD)).status).toBe(401)
    const restored = await second.call('PUT', '/__cse-mock/snapshot', snapshot)
    expect(restored.status, restored.text).toBe(204)
    const blocked = await login(second.server, 'dev-lock', PASSWORD)
    expect([blocked.status, blocked.json.errorCode]).toEqual([403, '403201'])
    const listed = await second.call('GET', '/v4/account-locks')
    expect(listed.json).toEqual({ total: 1, data: locks })
    // The release time came along: past it, on the virtual clock, the right password works.
    const clock = (await second.call('GET', '/__cse-mock/clock')).json as { now: number }
    const ms = locks[0]!.releaseAt * 1000 - clock.now + 1000
    expect((await second.call('POST', '/__cse-mock/clock/advance', { ms })).status).toBe(200)
    expect((await login(second.server, 'dev-lock', PASSWORD)).status).toBe(200)
  })

  it('an older snapshot without locks still loads and keeps the locks the mock has; [] clears them', async () => {
    const { server, call } = await start()
    await call('POST', '/v4/accounts', {
      name: 'dev-old',
      password: PASSWORD,
      roles: ['developer'],
    })
    const before = (await call('GET', '/__cse-mock/snapshot')).json as Snapshot
    for (let i = 0; i < 3; i++) await login(server, 'dev-old', 'Wrong#Pa55word')
    const { locks, ...older } = before.rbac!
    expect(locks).toEqual([])
    const loaded = await call('PUT', '/__cse-mock/snapshot', { ...before, rbac: older })
    expect(loaded.status, loaded.text).toBe(204)
    expect((await login(server, 'dev-old', PASSWORD)).json.errorCode).toBe('403201')
    expect((await call('PUT', '/__cse-mock/snapshot', before)).status).toBe(204)
    expect((await login(server, 'dev-old', PASSWORD)).status).toBe(200)
    expect((await call('GET', '/v4/account-locks')).json).toEqual({ total: 0, data: [] })
  })

  it('refuses locks that are not what the mock writes, and leaves everything as it was', async () => {
    const { server, call } = await start()
    const snapshot = (await call('GET', '/__cse-mock/snapshot')).json as Snapshot
    const lock = { key: 'dev::127.0.0.1', status: 'banned', releaseAt: 1_767_226_500 }
    for (const bad of [
      { ...lock, key: 'no-address' },
      { ...lock, status: 'frozen' },
      { ...lock, releaseAt: -1 },
      { ...lock, releaseAt: 1.5 },
      { key: lock.key, status: lock.status },
    ]) {
      const refused = await call('PUT', '/__cse-mock/snapshot', {
        ...snapshot,
        rbac: { ...snapshot.rbac, locks: [bad] },
      })
      expect([refused.status, refused.json?.error?.code], JSON.stringify(bad)).toEqual([
        400,
        'INVALID_SNAPSHOT',
      ])
    }
    const twice = await call('PUT', '/__cse-mock/snapshot', {
      ...snapshot,
      rbac: { ...snapshot.rbac, locks: [lock, lock] },
    })
    expect([twice.status, twice.json.error.message]).toEqual([
      400,
      expect.stringContaining('is there twice'),
    ])
    expect((await call('GET', '/v4/account-locks')).json).toEqual({ total: 0, data: [] })
    expect((await login(server, 'root', ROOT_PASSWORD)).status).toBe(200)
  })
})

describe('account and role quotas', () => {
  it('answers 400203 past the account quota (root counts), before it reads the body', async () => {
    const { call } = await start({ quotas: { accounts: 3 } })
    for (const name of ['quota-a', 'quota-b']) {
      const created = await call('POST', '/v4/accounts', {
        name,
        password: PASSWORD,
        roles: ['developer'],
      })
      expect(created.status, created.text).toBe(200)
    }
    const full = {
      errorCode: '400203',
      errorMessage: 'No quota to create account',
      detail:
        'Not enough quota(no quota to create ACCOUNT, max num is 3, curNum is 3, apply num is 1)',
    }
    const refused = await call('POST', '/v4/accounts', {
      name: 'quota-c',
      password: PASSWORD,
      roles: ['developer'],
    })
    expect([refused.status, refused.json]).toEqual([400, full])
    // Service Center asks for the quota first: a bad body and a taken name get the same answer.
    expect((await call('POST', '/v4/accounts', {})).json).toEqual(full)
    expect((await call('POST', '/v4/accounts', { name: 'quota-a' })).json).toEqual(full)
    expect((await call('DELETE', '/v4/accounts/quota-b')).status).toBe(200)
    const batch = await call('POST', '/v4/accounts/batch-create', {
      accounts: [
        { name: 'quota-d', password: PASSWORD, roles: ['developer'] },
        { name: 'quota-e', password: PASSWORD, roles: ['developer'] },
      ],
    })
    expect(batch.json).toEqual({ accounts: [{ name: 'quota-d' }, { name: 'quota-e', ...full }] })
    expect((await call('GET', '/v4/accounts')).json.total).toBe(3)
  })

  it('answers 400204 past the role quota (built-in roles count), after the body checks', async () => {
    const { call } = await start({ quotas: { roles: 4 } })
    const perms = [{ resources: [{ type: 'service' }], verbs: ['get'] }]
    for (const name of ['quota-r1', 'quota-r2']) {
      expect((await call('POST', '/v4/roles', { name, perms })).status).toBe(200)
    }
    const full = {
      errorCode: '400204',
      errorMessage: 'No quota to create role',
      detail:
        'Not enough quota(no quota to create ROLE, max num is 4, curNum is 4, apply num is 1)',
    }
    const refused = await call('POST', '/v4/roles', { name: 'quota-r3', perms })
    expect([refused.status, refused.json]).toEqual([400, full])
    expect((await call('POST', '/v4/roles', { name: 'quota-r1', perms })).json).toEqual(full)
    expect((await call('POST', '/v4/roles', { name: '', perms })).json.errorCode).toBe('400001')
    expect((await call('DELETE', '/v4/roles/quota-r2')).status).toBe(200)
    expect((await call('POST', '/v4/roles', { name: 'quota-r3', perms })).status).toBe(200)
  })

  it('refuses a snapshot with more accounts or roles than the quotas allow', async () => {
    const big = await start()
    for (const name of ['many-a', 'many-b', 'many-c']) {
      await big.call('POST', '/v4/accounts', { name, password: PASSWORD, roles: ['developer'] })
    }
    const snapshot = (await big.call('GET', '/__cse-mock/snapshot')).json as Snapshot
    const small = await start({ quotas: { accounts: 3, roles: 2 } })
    const refused = await small.call('PUT', '/__cse-mock/snapshot', snapshot)
    expect([refused.status, refused.json.error.message]).toEqual([
      400,
      expect.stringContaining('has 4 accounts, over the quota of 3'),
    ])
    expect((await small.call('GET', '/v4/accounts')).json.total).toBe(1)
  })
})
