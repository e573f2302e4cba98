import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRegistryClient } from '../../src/client.ts'
import { importRegistry } from '../../src/contract/index.ts'
import { createHostStandIns, replaceEndpointHost } from '../../src/import/host-stand-ins.ts'
import { keyedDigest, shapedStandIn } from '../../src/import/keyed-digest.ts'
import { redactSchema } from '../../src/import/schema-stand-in.ts'
import type { Snapshot } from '../../src/registry/index.ts'
import { type LoggedServer, normalize, startSeeded } from './support.ts'

let seeded: LoggedServer
let plain: ReturnType<typeof normalize>[number]
let redacted: ReturnType<typeof normalize>[number]

const ENDPOINT = /^([a-z]+:\/\/)([^:/?]+)(.*)$/

beforeAll(async () => {
  seeded = await startSeeded()
  // Properties on a service and the registry's own allowCrossApp, which redaction must keep.
  const serviceId = seeded.server.mock.snapshot().tenants[0]!.services[0]!.service.serviceId!
  const put = await fetch(
    `${seeded.url}/v4/default/registry/microservices/${serviceId}/properties`,
    {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ properties: { allowCrossApp: 'true', owner: 'alice@example.com' } }),
    },
  )
  expect(put.status).toBe(200)
  const client = createRegistryClient({ baseUrl: seeded.url })
  const take = async (redact: boolean) =>
    normalize((await importRegistry(client, { redact, keepProperties: ['weight'] })).snapshot)[0]!
  plain = await take(false)
  redacted = await take(true)
})

afterAll(() => seeded.server.close())

describe('redaction on import', () => {
  it('keeps ids, names, versions, tags, statuses, timestamps and rules', () => {
    expect(redacted.dependencies).toEqual(plain.dependencies)
    expect(redacted.services.map((entry) => entry.tags)).toEqual(plain.services.map((e) => e.tags))
    redacted.services.forEach((entry, i) => {
      const { properties: _a, ...service } = entry.service
      const { properties: _b, ...original } = plain.services[i]!.service
      expect(service).toEqual(original)
      expect(
        entry.instances?.map((x) => [x.instanceId, x.status, x.timestamp, x.healthCheck]),
      ).toEqual(
        plain.services[i]!.instances?.map((x) => [
          x.instanceId,
          x.status,
          x.timestamp,
          x.healthCheck,
        ]),
      )
    })
  })

  it('replaces endpoint hosts but keeps schemes, ports and queries, and nodeIP follows its host', () => {
    let compared = 0
    redacted.services.forEach((entry, i) => {
      entry.instances?.forEach((instance, j) => {
        const original = plain.services[i]!.instances![j]!
        instance.endpoints?.forEach((endpoint, k) => {
          const [, scheme, host, rest] = ENDPOINT.exec(endpoint)!
          const [, scheme0, host0, rest0] = ENDPOINT.exec(original.endpoints![k]!)!
          expect([scheme, rest]).toEqual([scheme0, rest0])
          expect(host).not.toBe(host0)
          expect(host).toMatch(/^10\.\d+\.\d+\.\d+$/)
          compared += 1
        })
        expect(instance.hostName).not.toBe(original.hostName)
        expect(instance.hostName?.length).toBe(original.hostName?.length)
        const host = ENDPOINT.exec(instance.endpoints![0]!)![2]
        expect(instance.properties?.nodeIP).toBe(host)
        expect(instance.properties?.weight).toBe(original.properties?.weight)
      })
    })
    expect(compared).toBeGreaterThan(24)
  })

  it('replaces property values, keeping keys and allowCrossApp', () => {
    const entry = redacted.services.find((e) => e.service.properties)!
    expect(entry.service.properties?.allowCrossApp).toBe('true')
    expect(entry.service.properties?.owner).not.toBe('alice@example.com')
    expect(entry.service.properties?.owner).toMatch(/^[a-z]{5}@[a-z]{7}\.[a-z]{3}$/)
  })

  it('replaces schema contents, keeps their ids and recomputes summaries of the same length', () => {
    redacted.services.forEach((entry, i) => {
      entry.schemas?.forEach((schema, j) => {
        const original = plain.services[i]!.schemas![j]!
        expect(schema.schemaId).toBe(original.schemaId)
        expect(schema.schema).not.toBe(original.schema)
        expect(schema.schema).toContain(`title: ${schema.schemaId}`)
        expect(schema.schema).not.toContain('paths:\n  /')
        expect(schema.summary).toMatch(/^[0-9a-f]+$/)
        expect(schema.summary).toHaveLength(original.summary!.length)
        expect(schema.summary).not.toBe(original.summary)
      })
    })
  })

  it('gives the same stand-ins for the same key and other ones for another key', async () => {
    const client = createRegistryClient({ baseUrl: seeded.url })
    const run = async (redactKey?: string) =>
      JSON.stringify(
        (await importRegistry(client, redactKey ? { redactKey } : {})).snapshot as Snapshot,
      )
    const [a, b, other] = [await run(), await run(), await run('another secret')]
    expect(a).toBe(b)
    expect(other).not.toBe(a)
  })
})

describe('stand-ins', () => {
  it('are keyed, deterministic digests of the requested length', () => {
    expect(keyedDigest('k', 'host', 'x', 64)).toBe(keyedDigest('k', 'host', 'x', 64))
    expect(keyedDigest('k', 'host', 'x', 64)).toMatch(/^[0-9a-f]{64}$/)
    expect(keyedDigest('k', 'host', 'x')).not.toBe(keyedDigest('k2', 'host', 'x'))
    expect(keyedDigest('k', 'host', 'x')).not.toBe(keyedDigest('k', 'text', 'x'))
  })

  it('keep the class of every character and every separator', () => {
    const out = shapedStandIn('k', 'p', 'Order-7f9X_v2.1')
    expect(out).toMatch(/^[A-Z][a-z]{4}-\d[a-z]\d[A-Z]_[a-z]\d\.\d$/)
    expect(out).not.toBe('Order-7f9X_v2.1')
  })

  it('map hosts to distinct addresses of the same kind and keep loopback', () => {
    const hosts = createHostStandIns('k')
    const v4 = Array.from({ length: 2000 }, (_, i) => hosts.standIn(`192.168.${i >> 8}.${i & 255}`))
    expect(new Set(v4).size).toBe(2000)
    expect(v4.every((host) => /^10\.\d+\.\d+\.\d+$/.test(host))).toBe(true)
    expect(hosts.standIn('192.168.0.0')).toBe(v4[0])
    expect(hosts.standIn('127.0.0.1')).toBe('127.0.0.1')
    expect(hosts.standIn('[2001:db8::5]')).toMatch(/^\[fd[0-9a-f]{2}(:[0-9a-f]{4}){7}\]$/)
    expect(hosts.standIn('db.internal.corp')).toMatch(/^h[0-9a-f]{12}\.invalid$/)
  })

  it('rewrite only the host and user info of an endpoint', () => {
    const hosts = createHostStandIns('k')
    const user = (info: string) => shapedStandIn('k', 'user', info)
    const out = replaceEndpointHost(
      'grpc://admin:pw@[2001:db8::5]:50051/x?ssl=true',
      hosts.standIn,
      user,
    )
    expect(out).toMatch(/^grpc:\/\/[a-z]{5}:[a-z]{2}@\[fd[0-9a-f:]+\]:50051\/x\?ssl=true$/)
    expect(replaceEndpointHost('10.1.1.1:8080', hosts.standIn, user)).toMatch(
      /^10\.\d+\.\d+\.\d+:8080$/,
    )
  })

  it('give a Swagger 2.0 schema a Swagger 2.0 stand-in, and JSON a JSON one', () => {
    const yaml = redactSchema('k', {
      schemaId: 'Orders',
      schema: 'swagger: "2.0"\npaths:\n  /x: {}\n',
    })
    expect(yaml.schema).toMatch(/^swagger: "2.0"\ninfo:\n {2}title: Orders\n/)
    expect(yaml.summary).toBeUndefined()
    const json = redactSchema('k', {
      schemaId: 'Orders',
      summary: 'abc',
      schema: '{"openapi":"3.1.0"}',
    })
    expect(JSON.parse(json.schema!)).toMatchObject({ openapi: '3.1.0', info: { title: 'Orders' } })
    expect(json.summary).toMatch(/^[0-9a-f]{3}$/)
  })
})
