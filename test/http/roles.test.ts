import { beforeEach, describe, expect, it } from 'vitest'
import { COVERAGE } from './coverage.ts'
import {
  createService,
  expectEmptyOk,
  expectError,
  expectJsonOk,
  get,
  itExercises,
  post,
  put,
  registerInstance,
  useCseMock,
} from './helpers.ts'
import { account, call, login, ROOT_PASSWORD, role } from './rbac-helpers.ts'

const api = useCseMock({ rbac: { rootPassword: ROOT_PASSWORD } })

let root: Record<string, string> = {}
beforeEach(async () => {
  root = await login()
})

const READ_SERVICES = [{ resources: [{ type: 'service' }], verbs: ['get'] }]

describe('roles', () => {
  it('starts with the built-in admin and developer roles', async () => {
    const roles = expectJsonOk(
      await call<{ total: number; data: { name: string }[] }>('GET', '/v4/roles', root),
    )
    expect(roles.data.map((r) => r.name)).toEqual(['admin', 'developer'])
    expect(roles.total).toBe(2)
  })

  it('creates, reads, replaces and deletes a custom role', async () => {
    await role('reader', READ_SERVICES, root)
    expect(expectJsonOk(await call('GET', '/v4/roles/reader', root))).toMatchObject({
      name: 'reader',
      perms: READ_SERVICES,
    })
    const perms = [{ resources: [{ type: 'service' }], verbs: ['get', 'create'] }]
    expectEmptyOk(await call('PUT', '/v4/roles/reader', root, { perms }))
    expect(expectJsonOk(await call('GET', '/v4/roles/reader', root))).toMatchObject({ perms })
    expectEmptyOk(await call('DELETE', '/v4/roles/reader', root))
    expectError(await call('GET', '/v4/roles/reader', root), '400201')
  })

  it('refuses what Service Center refuses, with its codes', async () => {
    await role('reader', READ_SERVICES, root)
    expectError(
      await call('POST', '/v4/roles', root, { name: 'reader', perms: READ_SERVICES }),
      '409201',
      'role is duplicated',
    )
    expectError(await call('POST', '/v4/roles', root, { name: '' }), '400001', /Role.Name/)
    expectError(
      await call('PUT', '/v4/roles/admin', root, { perms: [] }),
      '403203',
      'build-in role can not be operated',
    )
    expectError(await call('DELETE', '/v4/roles/developer', root), '403203')
    expectError(await call('DELETE', '/v4/roles/ghost', root), '400201')
    await account('bound', ['reader'], root)
    expectError(await call('DELETE', '/v4/roles/reader', root), '400205')
  })
})

describe('permissions', () => {
  it('lets a role do only the verbs it has, naming what is missing', async () => {
    await role('reader', READ_SERVICES, root)
    const reader = await account('reader-a', ['reader'], root)
    expectJsonOk(await get('/microservices', { headers: reader }))
    const create = await post(
      '/microservices',
      { service: { serviceName: 'cart', version: '1.0.0' } },
      { headers: reader },
    )
    expectError(create, '403205', 'role has no permissions[service:create]')
    expectError(
      await call('GET', '/v4/accounts', reader),
      '403205',
      'role has no permissions[account:get]',
    )
  })

  it('keeps developers away from accounts and roles', async () => {
    const dev = await account('dev-a', ['developer'], root)
    expectJsonOk(
      await post(
        '/microservices',
        { service: { serviceName: 'cart', version: '1.0.0' } },
        { headers: dev },
      ),
    )
    expectError(await call('GET', '/v4/roles', dev), '403205', 'role has no permissions[role:get]')
    expectError(
      await call('POST', '/v4/accounts', dev, { name: 'x' }),
      '403205',
      'role has no permissions[account:create]',
    )
  })

  it('limits a permission to the services whose labels match', async () => {
    await role(
      'shop-writer',
      [{ resources: [{ type: 'service', labels: { appId: 'shop' } }], verbs: ['*'] }],
      root,
    )
    const writer = await account('writer-a', ['shop-writer'], root)
    expectJsonOk(
      await post(
        '/microservices',
        { service: { appId: 'shop', serviceName: 'cart', version: '1.0.0' } },
        { headers: writer },
      ),
    )
    const other = await post(
      '/microservices',
      { service: { appId: 'bank', serviceName: 'ledger', version: '1.0.0' } },
      { headers: writer },
    )
    expectError(
      other,
      '403205',
      'role has no permissions[service:create] for labels [map[appId:bank environment: serviceName:ledger]]',
    )
    const bank = await createService({ appId: 'bank', serviceName: 'ledger' }, { headers: root })
    expectError(await get(`/microservices/${bank}`, { headers: writer }), '403205')
  })

  it('lists only the services its labels allow, serviceName with wildcards, as Service Center filters', async () => {
    const perms = [
      {
        resources: [{ type: 'service', labels: { appId: 'shop', serviceName: 'ca*' } }],
        verbs: ['get'],
      },
    ]
    await role('shop-lister', perms, root)
    const lister = await account('lister-a', ['shop-lister'], root)
    await createService({ appId: 'shop', serviceName: 'cart' }, { headers: root })
    await createService({ appId: 'shop', serviceName: 'orders' }, { headers: root })
    await createService({ appId: 'bank', serviceName: 'cash' }, { headers: root })
    const listed = expectJsonOk(
      await get<{ services?: { serviceName: string }[] }>('/microservices', { headers: lister }),
    )
    expect(listed.services?.map((service) => service.serviceName)).toEqual(['cart'])
    const all = expectJsonOk(
      await get<{ services?: unknown[] }>('/microservices', { headers: root }),
    )
    expect(all.services).toHaveLength(3)
  })

  it('scopes batch find and batch heartbeat by the services their entries name', async () => {
    await role(
      'shop-client',
      [{ resources: [{ type: 'service', labels: { appId: 'shop' } }], verbs: ['get', 'update'] }],
      root,
    )
    const client = await account('client-a', ['shop-client'], root)
    const shop = await createService({ appId: 'shop', serviceName: 'cart' }, { headers: root })
    const bank = await createService({ appId: 'bank', serviceName: 'ledger' }, { headers: root })
    const shopInstance = await registerInstance(shop, {}, { headers: root })
    const bankInstance = await registerInstance(bank, {}, { headers: root })
    const find = (serviceId: string, instanceId: string) =>
      post(
        '/instances/action?type=query',
        { instances: [{ instance: { serviceId, instanceId } }] },
        { headers: client },
      )
    const beat = (serviceId: string, instanceId: string) =>
      put('/heartbeats', { instances: [{ serviceId, instanceId }] }, { headers: client })
    expectJsonOk(await find(shop, shopInstance))
    expectError(
      await find(bank, bankInstance),
      '403205',
      'role has no permissions[service:get] for labels [map[appId:bank environment:development serviceName:ledger]]',
    )
    expect((await beat(shop, shopInstance)).status).toBe(200)
    expectError(
      await beat(bank, bankInstance),
      '403205',
      'role has no permissions[service:update] for labels [map[appId:bank environment:development serviceName:ledger]]',
    )
  })

  it('answers 401201 to a non-admin naming a service that does not exist, as Service Center does', async () => {
    const dev = await account('dev-b', ['developer'], root)
    expectError(
      await get('/microservices/ghost', { headers: dev }),
      '401201',
      'no valid resouce scope',
    )
    expectError(await get('/microservices/ghost', { headers: root }), '400012')
  })

  it('applies a changed role to tokens already issued', async () => {
    await role('reader', READ_SERVICES, root)
    const reader = await account('reader-b', ['reader'], root)
    expectEmptyOk(
      await call('PUT', '/v4/roles/reader', root, {
        perms: [{ resources: [{ type: 'service' }], verbs: ['*'] }],
      }),
    )
    expectJsonOk(
      await post(
        '/microservices',
        { service: { serviceName: 'cart', version: '1.0.0' } },
        { headers: reader },
      ),
    )
  })
})

itExercises(api, COVERAGE.roles)
