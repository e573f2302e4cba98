import { faker } from '@faker-js/faker'
import { describe, expect, it, vi } from 'vitest'
import { parse } from 'yaml'
import {
  createSeedSnapshot,
  DEFAULT_SEED_OPTIONS,
  describeSnapshot,
  InvalidSeedOptionsError,
  type SeedOptions,
} from '../../src/seed/index.ts'
import { allEntries, RULES } from './rules.ts'

const MAX_SEGMENT = 32767

describe('createSeedSnapshot', () => {
  it('gives deep-equal snapshots for the same options', () => {
    const options: SeedOptions = { seed: 42, apps: 3, tags: 4, properties: 6, schemas: 3 }
    expect(createSeedSnapshot(options)).toStrictEqual(createSeedSnapshot(options))
  })

  it('gives another snapshot for another seed', () => {
    const one = createSeedSnapshot({ seed: 1 })
    const two = createSeedSnapshot({ seed: 2 })
    expect(one).not.toStrictEqual(two)
    const ids = (snapshot: typeof one) => allEntries(snapshot).map((e) => e.service.serviceId)
    expect(ids(one)).not.toStrictEqual(ids(two))
  })

  it('does not depend on the wall clock or on the global faker', () => {
    const before = createSeedSnapshot()
    faker.seed(999)
    faker.number.int()
    vi.useFakeTimers({ now: new Date('2031-06-01T00:00:00Z') })
    try {
      expect(createSeedSnapshot()).toStrictEqual(before)
    } finally {
      vi.useRealTimers()
    }
  })

  it('uses the documented defaults when no option is given', () => {
    expect(createSeedSnapshot()).toStrictEqual(createSeedSnapshot(DEFAULT_SEED_OPTIONS))
    expect(describeSnapshot(createSeedSnapshot())).toStrictEqual({
      tenants: 1,
      services: 12,
      instances: 24,
      tags: 24,
      schemas: 12,
      dependencies: expect.any(Number),
    })
  })

  it.each([
    { apps: 1, servicesPerApp: 1, versionsPerService: 1, instancesPerVersion: 1 },
    { apps: 3, servicesPerApp: 4, versionsPerService: 5, instancesPerVersion: 2 },
    { apps: 2, servicesPerApp: 2, versionsPerService: 12, instancesPerVersion: 0 },
    { apps: 0, servicesPerApp: 3, versionsPerService: 2, instancesPerVersion: 2 },
  ])(
    'honours the counts $apps × $servicesPerApp × $versionsPerService × $instancesPerVersion',
    (counts) => {
      const options = { ...counts, tags: 3, properties: 4, schemas: 2 }
      const snapshot = createSeedSnapshot(options)
      const services = counts.apps * counts.servicesPerApp * counts.versionsPerService
      expect(describeSnapshot(snapshot)).toMatchObject({
        tenants: 1,
        services,
        instances: services * counts.instancesPerVersion,
        tags: services * 3,
        schemas: services * 2,
      })
      const entries = allEntries(snapshot)
      expect(new Set(entries.map((e) => e.service.appId)).size).toBe(counts.apps)
      for (const entry of entries) {
        expect(Object.keys(entry.tags ?? {})).toHaveLength(3)
        for (const instance of entry.instances ?? []) {
          expect(Object.keys(instance.properties ?? {})).toHaveLength(4)
        }
      }
    },
  )

  it('puts every service in the requested tenant and environment', () => {
    const snapshot = createSeedSnapshot({ domain: 'acme', project: 'p1', environment: 'testing' })
    expect(snapshot.tenants.map((t) => [t.domain, t.project])).toStrictEqual([['acme', 'p1']])
    for (const entry of allEntries(snapshot)) expect(entry.service.environment).toBe('testing')
    for (const rule of snapshot.tenants[0]?.dependencies ?? []) {
      for (const provider of rule.providers) expect(provider.environment).toBe('testing')
    }
    // SC omits empty fields, so the default environment '' is left out rather than written.
    for (const entry of allEntries(createSeedSnapshot())) {
      expect(entry.service).not.toHaveProperty('environment')
    }
  })

  it('keeps identity keys, serviceIds and instanceIds unique', () => {
    const snapshot = createSeedSnapshot({ apps: 4, servicesPerApp: 15, versionsPerService: 12 })
    const entries = allEntries(snapshot)
    const keys = entries.map(({ service: s }) =>
      [s.environment ?? '', s.appId, s.serviceName, s.version].join('/'),
    )
    expect(new Set(keys).size).toBe(entries.length)
    expect(new Set(entries.map((e) => e.service.serviceId)).size).toBe(entries.length)
    const instanceIds = entries.flatMap((e) => (e.instances ?? []).map((i) => i.instanceId))
    expect(new Set(instanceIds).size).toBe(instanceIds.length)
  })

  it('generates values that follow the registry rules', () => {
    const snapshot = createSeedSnapshot({
      seed: 5,
      apps: 6,
      servicesPerApp: 8,
      tags: 8,
      schemas: 3,
    })
    for (const { service, tags, schemas, instances } of allEntries(snapshot)) {
      expect(service.environment ?? '').toMatch(RULES.env)
      expect(service.appId).toMatch(RULES.name)
      expect(service.appId?.length).toBeLessThanOrEqual(160)
      expect(service.serviceName).toMatch(RULES.name)
      expect(service.serviceName?.length).toBeLessThanOrEqual(128)
      expect(service.version).toMatch(RULES.version)
      for (const segment of service.version?.split('.') ?? []) {
        expect(Number(segment)).toBeLessThanOrEqual(MAX_SEGMENT)
      }
      expect(service.serviceId).toMatch(RULES.serviceId)
      expect(['FRONT', 'MIDDLE', 'BACK']).toContain(service.level)
      expect(service.framework?.name).toMatch(RULES.name)
      expect(Number(service.modTimestamp)).toBeGreaterThanOrEqual(Number(service.timestamp))
      for (const [key, value] of Object.entries(tags ?? {})) {
        expect(key).toMatch(RULES.tag)
        expect(value).toMatch(RULES.tag)
      }
      expect(service.schemas).toStrictEqual(schemas?.map((schema) => schema.schemaId))
      for (const schema of schemas ?? []) {
        expect(schema.schemaId).toMatch(RULES.schemaId)
        expect(schema.schemaId.length).toBeLessThanOrEqual(160)
        expect(schema.summary).toMatch(RULES.summary)
        expect(parse(schema.schema ?? '')).toMatchObject({
          openapi: '3.0.1',
          info: { title: schema.schemaId, version: service.version },
        })
      }
      for (const instance of instances ?? []) {
        expect(instance.instanceId).toMatch(RULES.instanceId)
        expect(instance.serviceId).toBe(service.serviceId)
        expect(instance.version).toBe(service.version)
        expect(instance.hostName?.length).toBeGreaterThan(0)
        expect(instance.hostName?.length).toBeLessThanOrEqual(64)
        expect(instance.endpoints?.length).toBeGreaterThan(0)
        for (const endpoint of instance.endpoints ?? []) expect(endpoint).toMatch(RULES.endpoint)
        expect(instance.healthCheck).toStrictEqual({ mode: 'push', interval: 30, times: 3 })
        const { name, region, availableZone } = instance.dataCenterInfo ?? {}
        for (const part of [name, region, availableZone]) expect(part).toMatch(RULES.dcName)
        expect(Number(instance.timestamp)).toBeGreaterThanOrEqual(Number(service.timestamp))
        expect(Number(instance.modTimestamp)).toBeGreaterThanOrEqual(Number(instance.timestamp))
      }
    }
  })

  it('starts every timestamp at epochSeconds', () => {
    const epochSeconds = 1_700_000_000
    const snapshot = createSeedSnapshot({ epochSeconds })
    const stamps = allEntries(snapshot).flatMap((e) => [
      e.service.timestamp,
      ...(e.instances ?? []).map((i) => i.timestamp),
    ])
    for (const stamp of stamps) {
      expect(stamp).toMatch(/^\d+$/)
      expect(Number(stamp)).toBeGreaterThanOrEqual(epochSeconds)
    }
  })

  it('draws instance statuses from the weights', () => {
    const statuses = (options: SeedOptions) =>
      new Set(
        allEntries(createSeedSnapshot({ ...options, instancesPerVersion: 20 })).flatMap((e) =>
          (e.instances ?? []).map((i) => i.status),
        ),
      )
    expect(statuses({ statuses: { DOWN: 1 } })).toStrictEqual(new Set(['DOWN']))
    expect(statuses({ statuses: { UP: 1, TESTING: 1 } })).toStrictEqual(new Set(['UP', 'TESTING']))
    expect(statuses({})).toStrictEqual(new Set(['UP', 'DOWN', 'STARTING', 'OUTOFSERVICE']))
  })

  it('records acyclic dependencies inside an app only when asked', () => {
    const snapshot = createSeedSnapshot({ apps: 3, servicesPerApp: 5 })
    const tenant = snapshot.tenants[0]
    const byId = new Map(allEntries(snapshot).map((e) => [e.service.serviceId, e.service]))
    expect(tenant?.dependencies.length).toBeGreaterThan(0)
    for (const rule of tenant?.dependencies ?? []) {
      const consumer = byId.get(rule.consumerId)
      expect(consumer).toBeDefined()
      expect(rule.providers.length).toBeGreaterThan(0)
      for (const provider of rule.providers) {
        expect(provider).toMatchObject({ appId: consumer?.appId, version: '0.0.0+' })
        expect(provider.serviceName).not.toBe(consumer?.serviceName)
        const names = [...byId.values()].filter((s) => s.appId === provider.appId)
        expect(names.map((s) => s.serviceName)).toContain(provider.serviceName)
      }
    }
    const none = createSeedSnapshot({ apps: 3, servicesPerApp: 5, dependencies: false })
    expect(none.tenants[0]?.dependencies).toStrictEqual([])
  })

  it.each([
    [{ apps: -1 }, /apps is -1, expected an integer from 0/],
    [{ seed: 1.5 }, /seed is 1.5/],
    [{ tags: 101 }, /tags is 101, expected an integer from 0 to 100/],
    [{ environment: 'prod' as never }, /environment "prod" is not one of/],
    [{ statuses: { UP: 0 } }, /at least one status a positive weight/],
    [{ statuses: { RUNNING: 1 } as never }, /unknown status "RUNNING"/],
    [{ domain: '' }, /domain must be a string of 1–64 characters/],
    [
      { servicesPerapp: 4 } as never,
      /"servicesPerapp" is not a seed option; known options: seed, /,
    ],
  ])('rejects %j with a clear message', (options, reason) => {
    expect(() => createSeedSnapshot(options)).toThrow(InvalidSeedOptionsError)
    expect(() => createSeedSnapshot(options)).toThrow(reason)
    expect(() => createSeedSnapshot(options)).toThrow(/^Failed to create the seed snapshot: .+\.$/)
  })

  // How fast this is belongs to the benchmark (it times seeding at 100,000 instances); a wall-clock
  // bound here would fail on a loaded machine without saying anything about the code.
  it('seeds 100,000 instances', () => {
    const snapshot = createSeedSnapshot({
      apps: 10,
      servicesPerApp: 20,
      versionsPerService: 5,
      instancesPerVersion: 100,
    })
    expect(describeSnapshot(snapshot).instances).toBe(100_000)
  })
})
