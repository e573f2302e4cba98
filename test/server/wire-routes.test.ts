import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CseMockServer, startCseMockServer } from '../../src/server/index.ts'
import { rawRequest } from './raw-http.ts'

let server: CseMockServer
const B = '/v4/default/registry'

beforeAll(async () => {
  server = await startCseMockServer({ port: 0, profile: 'servicecomb' })
})
afterAll(() => server.close())

const request = (method: string, path: string, options?: Parameters<typeof rawRequest>[3]) =>
  rawRequest(server.port, method, path, options)

describe("Go's framework answers", () => {
  it('answers an unknown path, in /v4 or not, with 404 page not found, a newline and nosniff', async () => {
    for (const path of ['/foo', `${B}/nothing`, '/v4']) {
      const reply = await request('GET', path)
      expect({ path, status: reply.status, body: reply.body }).toEqual({
        path,
        status: 404,
        body: '404 page not found\n',
      })
      expect(reply.header('Content-Type')).toBe('text/plain; charset=utf-8')
      expect(reply.header('X-Content-Type-Options')).toBe('nosniff')
      expect(reply.header('Content-Length')).toBe('19')
    }
  })

  it('answers a wrong method with 405, Allow and Method Not Allowed and a newline', async () => {
    const reply = await request('PATCH', `${B}/microservices`)
    expect(reply.status).toBe(405)
    expect(reply.body).toBe('Method Not Allowed\n')
    expect(reply.header('Allow')?.split(', ').sort()).toEqual(['DELETE', 'GET', 'POST'])
    expect(reply.header('X-Content-Type-Options')).toBe('nosniff')
  })

  it('answers a trailing slash with 404', async () => {
    const created = await request('POST', `${B}/microservices`, {
      body: JSON.stringify({ service: { serviceName: 'slash' } }),
    })
    const { serviceId } = JSON.parse(created.body) as { serviceId: string }
    expect((await request('GET', `${B}/microservices/${serviceId}`)).status).toBe(200)
    expect((await request('GET', `${B}/microservices/${serviceId}/`)).status).toBe(404)
  })

  it('answers the root /version and /health with 200', async () => {
    const version = await request('GET', '/version')
    expect(version.status).toBe(200)
    expect(JSON.parse(version.body)).toMatchObject({ version: '2.2.0', apiVersion: '3.0.0' })
    const health = await request('GET', '/health')
    expect(health.status).toBe(200)
    expect(JSON.parse(health.body).instances).toHaveLength(1)
  })

  it('has no /v4/token route without accounts in the servicecomb profile', async () => {
    const reply = await request('POST', '/v4/token', { body: '{"name":"a","password":"b"}' })
    expect(reply.status).toBe(404)
    expect(reply.body).toBe('404 page not found\n')
  })
})

describe("Service Center's CORS interceptor", () => {
  it('answers a preflight with 200, the Vary headers and the allow headers', async () => {
    const reply = await request('OPTIONS', `${B}/microservices`, {
      headers: {
        Origin: 'http://ui.example',
        'Access-Control-Request-Method': 'post',
        'Access-Control-Request-Headers': 'content-type, x-domain-name',
      },
    })
    expect(reply.status).toBe(200)
    expect(reply.body).toBe('')
    expect(reply.names.filter((name) => name === 'Vary')).toHaveLength(4)
    expect(reply.header('Access-Control-Allow-Origin')).toBe('*')
    expect(reply.header('Access-Control-Allow-Methods')).toBe('POST')
    expect(reply.header('Access-Control-Allow-Headers')).toBe('Content-Type, X-Domain-Name')
    expect(reply.header('Content-Length')).toBe('0')
    expect(reply.names).not.toContain('Content-Type')
  })

  it('leaves the allow headers out for a header it does not allow, still with 200', async () => {
    const reply = await request('OPTIONS', `${B}/microservices`, {
      headers: {
        Origin: 'http://ui.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'Authorization',
      },
    })
    expect(reply.status).toBe(200)
    expect(reply.names).not.toContain('Access-Control-Allow-Origin')
    expect(reply.names).toContain('Vary')
  })

  it('answers any OPTIONS with an empty 200, even on an unknown path', async () => {
    const reply = await request('OPTIONS', '/nowhere')
    expect(reply.status).toBe(200)
    expect(reply.body).toBe('')
  })

  it('adds Server, Vary: Accept-Encoding and Vary: Origin to every answer, and Allow-Origin * for an Origin', async () => {
    const plain = await request('GET', `${B}/version`)
    expect(plain.header('Server')).toBe('SERVICECENTER/2.2.0')
    expect(plain.names.filter((name) => name === 'Vary')).toHaveLength(2)
    expect(plain.header('Vary')).toBe('Accept-Encoding')
    expect(plain.names).not.toContain('Access-Control-Allow-Origin')
    const cross = await request('GET', `${B}/version`, { headers: { Origin: 'http://ui.example' } })
    expect(cross.header('Access-Control-Allow-Origin')).toBe('*')
  })
})

describe('existence as Service Center 2.2 checks it', () => {
  const existence = async (query: string) => {
    const reply = await request('GET', `${B}/existence?${query}`)
    return { status: reply.status, ...(JSON.parse(reply.body) as object) }
  }

  it('refuses a missing or empty version with the validator text, before any lookup', async () => {
    const rule =
      'does not match rule: {Min: 1, Max: 64, Regexp: the form x[.y[.z]] where x y and z are 0-32767 range}'
    for (const version of ['', '&version=', '&version=latest']) {
      const value = version.replace(/^&version=/, '')
      expect(await existence(`type=microservice&appId=A&serviceName=S${version}`)).toEqual({
        status: 400,
        errorCode: '400001',
        errorMessage: 'Invalid parameter(s)',
        detail: `field 'GetExistenceRequest.Version' invalid value '${value}' ${rule}`,
      })
    }
  })

  it('names the key without a wrapper when it does not exist or the version does not', async () => {
    await request('POST', `${B}/microservices`, {
      body: JSON.stringify({ service: { appId: 'ex', serviceName: 'prov', version: '1.0.0' } }),
    })
    expect(
      await existence('type=microservice&appId=ex&serviceName=nope&version=1.0.0'),
    ).toMatchObject({
      errorCode: '400012',
      detail: '/ex/nope/1.0.0 does not exist.',
    })
    expect(
      await existence('type=microservice&appId=ex&serviceName=prov&version=9.9.9'),
    ).toMatchObject({
      errorCode: '400026',
      detail: '/ex/prov/9.9.9 version mismatch.',
    })
  })

  it('answers the type error for a missing, unknown or differently cased type', async () => {
    for (const query of ['', 'type=bogus', 'Type=microservice']) {
      expect(await existence(query)).toMatchObject({
        errorCode: '400001',
        detail: 'Only micro-service and schema can be used as type.',
      })
    }
  })

  it('answers schema existence on an unknown service and a missing schema in SC words', async () => {
    expect(await existence('type=schema&serviceId=nope&schemaId=s1')).toMatchObject({
      errorCode: '400012',
      detail: 'service does not exist.',
    })
  })
})

describe('more of what Service Center sends', () => {
  it('answers every method on /v4/token with 404 when the route is absent', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const reply = await request(method, '/v4/token')
      expect({ method, status: reply.status, allow: reply.header('Allow') }).toEqual({
        method,
        status: 404,
        allow: undefined,
      })
    }
  })

  it('answers Connection: close to a request that asks for it, as Go does', async () => {
    const reply = await request('GET', `${B}/version`)
    expect(reply.header('Connection')).toBe('close')
  })

  it('lists Allow as GET, POST, DELETE for the service list', async () => {
    expect((await request('PATCH', `${B}/microservices`)).header('Allow')).toBe('GET, POST, DELETE')
  })

  it('puts the asked environment in the consumer part of a discovery miss', async () => {
    const reply = await request('GET', `${B}/instances?appId=app&serviceName=nope&env=production`)
    expect(JSON.parse(reply.body).detail).toBe(
      'Consumer[][production///] find provider[production/app/nope] failed, provider does not exist',
    )
  })

  it('wraps batch find failures as <errorMessage>(<detail>)', async () => {
    const reply = await request('POST', `${B}/instances/action?type=query`, {
      body: JSON.stringify({ services: [{ service: { appId: 'app', serviceName: 'nope' } }] }),
    })
    const failed = JSON.parse(reply.body).services.failed[0]
    expect(failed.error.detail).toBe(
      'Micro-service does not exist(Consumer[][///] find provider[/app/nope] failed, provider does not exist)',
    )
  })
})

describe("error details in Service Center's words", () => {
  it('answers lookups of missing things with the texts SC sends', async () => {
    const created = await request('POST', `${B}/microservices`, {
      body: JSON.stringify({ service: { appId: 'txt', serviceName: 'svc', version: '1.0.0' } }),
    })
    const { serviceId } = JSON.parse(created.body) as { serviceId: string }
    const cases: [string, string, string, string][] = [
      [
        'PUT',
        `${B}/microservices/${serviceId}/instances/nope/heartbeat`,
        '400017',
        'leaseId not exist, instance not exist',
      ],
      [
        'DELETE',
        `${B}/microservices/${serviceId}/instances/nope`,
        '400017',
        "Instance's leaseId not exist.",
      ],
      [
        'PUT',
        `${B}/microservices/${serviceId}/tags/missing?value=x`,
        '400018',
        'Tag does not exist, please add one first.',
      ],
      [
        'DELETE',
        `${B}/microservices/${serviceId}/tags/missing`,
        '400018',
        'Delete tags failed for this key missing does not exist.',
      ],
      ['GET', `${B}/microservices/nope/providers`, '400012', 'Consumer does not exist'],
      ['GET', `${B}/microservices/nope/consumers`, '400012', 'Provider does not exist'],
      [
        'GET',
        `${B}/microservices/${serviceId}/instances/nope`,
        '400017',
        `Consumer[][///] find provider[${serviceId}][/txt/svc/1.0.0] instance[nope] failed, provider instance does not exist`,
      ],
    ]
    for (const [method, path, errorCode, detail] of cases) {
      const reply = await request(method, path)
      expect({ method, path, ...JSON.parse(reply.body) }).toMatchObject({
        method,
        path,
        errorCode,
        detail,
      })
    }
  })
})

describe('instance status in the validator words', () => {
  it('refuses a lower-case or missing status as SC does', async () => {
    const rule = 'does not match rule: {Regexp: ^(UP|DOWN|STARTING|TESTING|OUTOFSERVICE)$}'
    for (const [query, value] of [
      ['?value=up', 'up'],
      ['', ''],
    ] as const) {
      const reply = await request('PUT', `${B}/microservices/x/instances/y/status${query}`)
      expect(JSON.parse(reply.body).detail).toBe(
        `field 'UpdateInstanceStatusRequest.Status' invalid value '${value}' ${rule}`,
      )
    }
  })
})
