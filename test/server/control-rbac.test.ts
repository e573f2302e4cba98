import { afterEach, describe, expect, it } from 'vitest'
import { type CseMockServer, startCseMockServer } from '../../src/server/index.ts'
import { expectSpecResponse } from '../control/control-spec.ts'

const ROOT_PASSWORD = 'Root#Pa55word'
const PASSWORD = 'Dev#Pa55word'

let server: CseMockServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function call(method: string, path: string, auth?: string, body?: unknown) {
  const headers: Record<string, string> = auth ? { Authorization: auth } : {}
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const response = await fetch(`${server!.url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  if (response.status === 401 || response.status === 403) {
    // Refusals are documented in the control spec, with the registry's envelope.
    const documented = path
      .replace(/\/faults\/.+/, '/faults/{id}')
      .replace(/\/requests\/.+/, '/requests/{seq}')
    await expectSpecResponse(response.clone(), method, documented)
  }
  const text = await response.text()
  return { status: response.status, text, json: text ? JSON.parse(text) : undefined }
}

async function login(name: string, password: string): Promise<string> {
  const reply = await call('POST', '/v4/token', undefined, { name, password })
  expect(reply.status, reply.text).toBe(200)
  return `Bearer ${reply.json.token}`
}

/** An account with the given roles, created by root; returns its token. */
async function account(root: string, name: string, roles: string[]): Promise<string> {
  const created = await call('POST', '/v4/accounts', root, { name, password: PASSWORD, roles })
  expect(created.status, created.text).toBe(200)
  return login(name, PASSWORD)
}

/** Every control call that changes state or shows registry data, secrets or traffic, with
 * the status it answers when allowed (the event stream is read apart). */
const ADMIN_CALLS: [string, string, number, unknown?][] = [
  ['POST', '/__cse-mock/reset', 204],
  ['POST', '/__cse-mock/seed', 204, { seed: 1, apps: 1, servicesPerApp: 1 }],
  ['GET', '/__cse-mock/snapshot', 200],
  ['PUT', '/__cse-mock/snapshot', 204, { format: 'cse-mock/snapshot@1', tenants: [] }],
  ['POST', '/__cse-mock/clock/advance', 200, { ms: 0 }],
  ['PUT', '/__cse-mock/profile', 200, { profile: 'cse' }],
  [
    'POST',
    '/__cse-mock/faults',
    201,
    { match: { operationId: 'heartbeat' }, action: { type: 'error', errorCode: '500011' } },
  ],
  ['DELETE', '/__cse-mock/faults', 204],
  ['DELETE', '/__cse-mock/faults/nope', 404],
  ['GET', '/__cse-mock/requests', 200],
  ['DELETE', '/__cse-mock/requests', 204],
  ['GET', '/__cse-mock/requests/999', 404],
  ['GET', '/__cse-mock/registry', 200],
  ['GET', '/__cse-mock/events', 200],
]

const TOKEN_CALLS = ['/__cse-mock/clock', '/__cse-mock/profile', '/__cse-mock/faults']

/** Every admin call answers what it answers when allowed; the reset goes last. */
async function expectAllowed(auth: string | undefined) {
  for (const [method, path, status, body] of [...ADMIN_CALLS.slice(1), ADMIN_CALLS[0]!]) {
    if (path.endsWith('/events')) {
      const events = await fetch(
        `${server!.url}${path}`,
        auth ? { headers: { Authorization: auth } } : {},
      )
      expect([path, events.status]).toEqual([path, status])
      await events.body?.cancel()
      continue
    }
    const reply = await call(method, path, auth, body)
    expect([method, path, reply.status], reply.text).toEqual([method, path, status])
  }
}

describe('the control API with RBAC on', () => {
  it('lets root drive the mock and refuses a developer with 403205, as the registry refuses', async () => {
    server = await startCseMockServer({
      port: 0,
      clock: 'virtual',
      rbac: { rootPassword: ROOT_PASSWORD },
    })
    const root = await login('root', ROOT_PASSWORD)
    const developer = await account(root, 'dev-ctl', ['developer'])
    for (const [method, path, , body] of ADMIN_CALLS) {
      const refused = await call(method, path, developer, body)
      expect([method, path, refused.status, refused.json], refused.text).toEqual([
        method,
        path,
        403,
        {
          errorCode: '403205',
          errorMessage: 'No permission(s)',
          detail: expect.stringMatching(/^role has no permissions\[cse-mock:\w+\]/),
        },
      ])
    }
    // What the developer was refused changed nothing: root still finds its account.
    expect((await call('GET', '/v4/accounts/dev-ctl', root)).status).toBe(200)
    for (const path of TOKEN_CALLS) {
      expect([path, (await call('GET', path, developer)).status]).toEqual([path, 200])
    }
    await expectAllowed(root)
  })

  it('admits an account whose custom role grants everything, and not one that lacks a resource', async () => {
    server = await startCseMockServer({ port: 0, rbac: { rootPassword: ROOT_PASSWORD } })
    const root = await login('root', ROOT_PASSWORD)
    const all = ['account', 'config', 'role', 'service', 'governance', 'ops', 'service/schema']
    const roles = [
      { name: 'everything', perms: [{ resources: all.map((type) => ({ type })), verbs: ['*'] }] },
      {
        name: 'all-but-ops',
        perms: [
          { resources: all.filter((t) => t !== 'ops').map((type) => ({ type })), verbs: ['*'] },
        ],
      },
      {
        name: 'labelled',
        perms: [
          {
            resources: all.map((type) => ({ type, labels: { appId: 'shop' } })),
            verbs: ['get', 'create', 'update', 'delete'],
          },
        ],
      },
    ]
    for (const role of roles) expect((await call('POST', '/v4/roles', root, role)).status).toBe(200)
    const full = await account(root, 'ops-full', ['everything'])
    const partial = await account(root, 'ops-partial', ['all-but-ops'])
    const labelled = await account(root, 'ops-labelled', ['labelled'])
    expect((await call('GET', '/__cse-mock/snapshot', full)).status).toBe(200)
    expect((await call('GET', '/__cse-mock/snapshot', partial)).status).toBe(403)
    expect((await call('GET', '/__cse-mock/snapshot', labelled)).status).toBe(403)
  })

  it('answers a missing, malformed or forged token as the registry does, and keeps the page open', async () => {
    server = await startCseMockServer({ port: 0, rbac: { rootPassword: ROOT_PASSWORD } })
    for (const [method, path, , body] of ADMIN_CALLS) {
      const anonymous = await call(method, path, undefined, body)
      expect([method, path, anonymous.status, anonymous.json]).toEqual([
        method,
        path,
        401,
        { errorCode: '401204', errorMessage: 'No authorization header' },
      ])
    }
    for (const path of TOKEN_CALLS) {
      expect([path, (await call('GET', path)).json?.errorCode]).toEqual([path, '401204'])
    }
    const spaced = await call('POST', '/__cse-mock/reset', 'Bearer  x')
    expect([spaced.status, spaced.json]).toEqual([
      401,
      { errorCode: '401201', errorMessage: 'Request unauthorized', detail: 'invalid auth header' },
    ])
    const forged = await call('GET', '/__cse-mock/snapshot', 'Bearer not-a-token')
    expect([forged.status, forged.json?.errorCode]).toEqual([401, '401201'])
    // The page and its files carry no registry data: no token needed (here a file it lacks).
    const file = await call('GET', '/__cse-mock/ui/no-such-file.js')
    expect([file.status, file.json?.error?.code]).toEqual([404, 'NOT_FOUND'])
    // 200 where dist/inspector/ is built, 503 INSPECTOR_NOT_BUILT where not: never a refusal.
    const page = await fetch(`${server.url}/__cse-mock/ui`)
    expect([200, 503]).toContain(page.status)
    await page.body?.cancel()
  })

  it('needs no token at all with RBAC off', async () => {
    server = await startCseMockServer({ port: 0, clock: 'virtual' })
    await expectAllowed(undefined)
    for (const path of TOKEN_CALLS) expect((await call('GET', path)).status).toBe(200)
  })
})
