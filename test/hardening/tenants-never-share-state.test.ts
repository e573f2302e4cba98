import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CseMockServer, startCseMockServer } from '../../src/server/index.ts'

let server: CseMockServer
beforeAll(async () => {
  server = await startCseMockServer({ port: 0, accounts: { alice: 'Alice-Pa55' } })
})
afterAll(() => server.close())

let token = ''
async function registry(
  method: string,
  project: string,
  domain: string,
  path: string,
  body?: unknown,
) {
  const response = await fetch(`${server.url}/v4/${project}/registry${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      'X-Domain-Name': domain,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) }
}

describe('tenants never share state', () => {
  beforeAll(async () => {
    const response = await fetch(`${server.url}/v4/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'alice', password: 'Alice-Pa55' }),
    })
    token = ((await response.json()) as { token: string }).token
  })

  it('keeps domain "a/b" with project "c" apart from domain "a" with project "b/c"', async () => {
    const created = await registry('POST', 'c', 'a/b', '/microservices', {
      service: { appId: 'app', serviceName: 'split', version: '1.0.0' },
    })
    expect(created.status).toBe(200)
    const serviceId = created.body.serviceId as string
    const other = await registry('GET', 'b%2Fc', 'a', `/microservices/${serviceId}`)
    expect(other.status).toBe(400)
    expect(other.body).toMatchObject({ errorCode: '400012' })
    const deleted = await registry('DELETE', 'b%2Fc', 'a', `/microservices/${serviceId}`)
    expect(deleted.status).toBe(400)
    expect((await registry('GET', 'c', 'a/b', `/microservices/${serviceId}`)).status).toBe(200)
    const listed = await registry('GET', 'b%2Fc', 'a', '/microservices')
    expect(listed.body.services ?? []).toEqual([])
  })

  it('lets one account’s token reach every tenant, as Service Center’s accounts do', async () => {
    const created = await registry('POST', 'default', 'team-x', '/microservices', {
      service: { appId: 'app', serviceName: 'shared-token', version: '1.0.0' },
    })
    expect(created.status).toBe(200)
    // The token says who calls, the header and path say which tenant: the same token works in
    // `default/default` and in `team-x/default`, and each tenant still sees only its own.
    const inDefault = await registry('GET', 'default', 'default', '/microservices')
    expect(inDefault.status).toBe(200)
    const names = (inDefault.body.services ?? []).map((s: { serviceName: string }) => s.serviceName)
    expect(names).not.toContain('shared-token')
    expect(
      (await registry('GET', 'default', 'team-x', `/microservices/${created.body.serviceId}`))
        .status,
    ).toBe(200)
  })
})
