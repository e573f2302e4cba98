import { describe, expect, it } from 'vitest'
import { COVERAGE } from './coverage.ts'
import {
  createService,
  expectError,
  expectJsonOk,
  get,
  itExercises,
  type MicroService,
  post,
  put,
  registerInstance,
  type Schemas,
  useCseMock,
} from './helpers.ts'

const api = useCseMock({ profile: 'servicecomb' })
const G = '/v4/default/govern'

type Detail = Schemas['ServiceDetail']

/** The set-up of the side-by-side run against Service Center: two versions, a consumer, one instance. */
async function shop() {
  const prov = await createService({
    appId: 'wa',
    serviceName: 'prov',
    schemas: ['s1'],
    properties: { p: '1' },
  })
  const cons = await createService({ appId: 'wa', serviceName: 'cons' })
  const prov2 = await createService({ appId: 'wa', serviceName: 'prov', version: '1.1.0' })
  await post(`/microservices/${prov}/tags`, { tags: { t: 'v' } })
  await put(`/microservices/${prov}/schemas/s1`, { schema: 'openapi: 3.0.0', summary: 'sum' })
  const instanceId = await registerInstance(prov, { properties: { ip: 'x' } })
  const found = await get(`/instances?appId=wa&serviceName=prov`, {
    headers: { 'X-ConsumerId': cons },
  })
  expect(found.status).toBe(200)
  return { prov, cons, prov2, instanceId }
}

const byId = (details: Detail[] | undefined, id: string) =>
  details?.find((detail) => detail.microService?.serviceId === id)

describe('governance: apps', () => {
  it('lists the appIds of one environment, SERVICECENTER only withShared in its own', async () => {
    expect(expectJsonOk(await get(`${G}/apps`))).toEqual({})
    await shop()
    await createService({ appId: 'prodapp', environment: 'production' })
    expect(expectJsonOk(await get(`${G}/apps`))).toEqual({ appIds: ['wa'] })
    expect(expectJsonOk(await get(`${G}/apps?env=production`))).toEqual({ appIds: ['prodapp'] })
    expect(expectJsonOk(await get(`${G}/apps?env=development`))).toEqual({})
    expect(expectJsonOk(await get(`${G}/apps?env=development&withShared=true`))).toEqual({
      appIds: ['default'],
    })
  })

  it("refuses an unknown env in Service Center's validator words", async () => {
    expectError(
      await get(`${G}/apps?env=foo`),
      '400001',
      "field 'GetAppsRequest.Environment' invalid value 'foo' does not match rule: {Regexp: ^(development|testing|acceptance|production)*$}",
    )
  })
})

describe('governance: services with details', () => {
  it('answers {} without services, and hides SERVICECENTER unless withShared', async () => {
    expect(expectJsonOk(await get(`${G}/microservices`))).toEqual({})
    const shared = expectJsonOk(
      await get<{ allServicesDetail: Detail[] }>(`${G}/microservices?withShared=1`),
    )
    expect(shared.allServicesDetail.map((d) => d.microService?.serviceName)).toEqual([
      'SERVICECENTER',
    ])
  })

  it('gives every detail with options=all, without the schemas list and instance properties', async () => {
    const { prov, cons, prov2, instanceId } = await shop()
    const body = expectJsonOk(
      await get<{ allServicesDetail: Detail[]; statistics: unknown }>(
        `${G}/microservices?options=all`,
      ),
    )
    expect(body.allServicesDetail).toHaveLength(3)
    const provDetail = byId(body.allServicesDetail, prov)!
    expect(Object.keys(provDetail)[0]).toBe('microService')
    expect(provDetail.microService).not.toHaveProperty('schemas')
    expect(provDetail.microService?.properties).toEqual({ p: '1' })
    expect(provDetail.instances?.map((i) => i.instanceId)).toEqual([instanceId])
    expect(provDetail.instances?.[0]).not.toHaveProperty('properties')
    expect(provDetail.schemaInfos).toEqual([
      { schemaId: 's1', summary: 'sum', schema: 'openapi: 3.0.0' },
    ])
    expect(provDetail.tags).toEqual({ t: 'v' })
    expect(provDetail.consumers?.map((c) => c.serviceId)).toEqual([cons])
    const consDetail = byId(body.allServicesDetail, cons)!
    expect(consDetail.providers?.map((p) => p.serviceId).sort()).toEqual([prov, prov2].sort())
    // The providers keep their schemas list: only the overview's own record loses it.
    expect(consDetail.providers?.find((p: MicroService) => p.serviceId === prov)?.schemas).toEqual([
      's1',
    ])
    expect(byId(body.allServicesDetail, prov2)).toEqual({
      microService: expect.objectContaining({ serviceId: prov2 }),
      consumers: [expect.objectContaining({ serviceId: cons })],
    })
    expect(body.statistics).toEqual({
      services: { count: 2, onlineCount: 1 },
      instances: { count: 1, countByDomain: 1 },
      apps: { count: 1 },
    })
  })

  it('filters by appId, serviceName, env and property, and picks the options asked for', async () => {
    const { prov, prov2 } = await shop()
    const picked = expectJsonOk(
      await get<{ allServicesDetail: Detail[] }>(
        `${G}/microservices?options=tags,instances&appId=wa&serviceName=prov`,
      ),
    )
    expect(picked.allServicesDetail.map((d) => d.microService?.serviceId).sort()).toEqual(
      [prov, prov2].sort(),
    )
    expect(Object.keys(byId(picked.allServicesDetail, prov)!).sort()).toEqual([
      'instances',
      'microService',
      'tags',
    ])
    const byProperty = expectJsonOk(
      await get<{ allServicesDetail: Detail[] }>(`${G}/microservices?property=p:1`),
    )
    expect(byProperty.allServicesDetail.map((d) => d.microService?.serviceId)).toEqual([prov])
    expect(expectJsonOk(await get(`${G}/microservices?env=production`))).toEqual({})
    const unknownOption = expectJsonOk(
      await get<{ allServicesDetail: Detail[] }>(`${G}/microservices?options=bogus`),
    )
    expect(unknownOption.allServicesDetail.every((d) => Object.keys(d).length === 1)).toBe(true)
  })

  it('answers only the counts for options=statistics, and instance counts for countOnly=1', async () => {
    const { prov, cons } = await shop()
    expect(expectJsonOk(await get(`${G}/microservices?options=statistics`))).toEqual({
      statistics: {
        services: { count: 2, onlineCount: 1 },
        instances: { count: 1, countByDomain: 1 },
        apps: { count: 1 },
      },
    })
    const counted = expectJsonOk(
      await get<{ allServicesDetail: Detail[] }>(
        `${G}/microservices?options=instances&countOnly=1`,
      ),
    )
    expect(byId(counted.allServicesDetail, prov)?.statics).toEqual({ instances: { count: 1 } })
    expect(byId(counted.allServicesDetail, cons)?.statics).toEqual({ instances: {} })
    expect(byId(counted.allServicesDetail, prov)).not.toHaveProperty('instances')
    expectError(
      await get(`${G}/microservices?countOnly=2`),
      '400001',
      'parameter countOnly must be 1 or 0',
    )
  })
})

describe('governance: one service', () => {
  it('gives the record with schemas, instances with properties, dependencies, tags and versions', async () => {
    const { prov, cons } = await shop()
    const { service } = expectJsonOk(await get<{ service: Detail }>(`${G}/microservices/${prov}`))
    expect(service.microService?.schemas).toEqual(['s1'])
    expect(service.instances?.[0]?.properties).toEqual({ ip: 'x' })
    expect(service.schemaInfos).toEqual([
      { schemaId: 's1', summary: 'sum', schema: 'openapi: 3.0.0' },
    ])
    expect(service.consumers?.map((c) => c.serviceId)).toEqual([cons])
    expect(service.tags).toEqual({ t: 'v' })
    expect(service.microServiceVersions).toEqual(['1.0.0', '1.1.0'])
  })

  it('answers 400012 for an unknown service', async () => {
    expectError(await get(`${G}/microservices/nope`), '400012', 'Service does not exist.')
  })
})

describe('governance: relations and statistics', () => {
  it('draws nodes and consumer → provider lines, nulls where Go keeps nil slices', async () => {
    expect(expectJsonOk(await get(`${G}/relations`))).toEqual({
      nodes: null,
      lines: null,
      circles: null,
    })
    const { prov, cons, prov2 } = await shop()
    const graph = expectJsonOk(await get<Schemas['Graph']>(`${G}/relations`))
    expect(graph.nodes?.map((n) => n.id).sort()).toEqual([prov, cons, prov2].sort())
    expect(graph.nodes?.[0]).toEqual({
      id: prov,
      name: 'prov',
      appId: 'wa',
      version: '1.0.0',
      type: '',
      color: '',
      position: '',
    })
    expect(graph.lines?.map((l) => [l.from.id, l.to.id]).sort()).toEqual(
      [
        [cons, prov],
        [cons, prov2],
      ].sort(),
    )
    expect(graph.lines?.[0]?.to).toMatchObject({ name: 'prov', appId: '', version: '' })
    expect(graph.lines?.[0]).toMatchObject({ type: '', color: '', descriptor: '' })
    expect(graph.circles).toBeNull()
    const shared = expectJsonOk(await get<Schemas['Graph']>(`${G}/relations?withShared=true`))
    expect(shared.nodes?.map((n) => n.name)).toContain('SERVICECENTER')
  })

  it('counts by name, never the shared SERVICECENTER, and keeps the empty count objects', async () => {
    expect(expectJsonOk(await get(`${G}/statistics`))).toEqual({
      statistics: { services: {}, instances: {}, apps: {} },
    })
    await shop()
    expect(expectJsonOk(await get(`${G}/statistics`))).toEqual({
      statistics: {
        services: { count: 2, onlineCount: 1 },
        instances: { count: 1, countByDomain: 1 },
        apps: { count: 1 },
      },
    })
    expect(api.mock().registry.profile).toBe('servicecomb')
  })
})

itExercises(api, COVERAGE.govern)
