import { describe, expect, it } from 'vitest'
import { SpecLookupError } from '../../src/spec/document.ts'
import { createSpecValidator } from '../../src/spec/validators.ts'

const validator = createSpecValidator()
const SERVICE_ID = '5f1c4a9d0e7b3a2c8d6f4e1b9a0c7d3e2f5b8a14'
const path = { project: 'default', serviceId: SERVICE_ID }

describe('request validation', () => {
  it('accepts a valid registration with unknown fields', () => {
    const body = {
      instance: { hostName: 'node-1', endpoints: ['rest://10.0.0.5:8080'], stage: 'x' },
    }
    expect(validator.request('registerInstance', { path, body })).toEqual([])
  })

  it('rejects a serviceId containing whitespace', () => {
    expect(
      validator.request('getService', { path: { project: 'default', serviceId: 'bad id' } }),
    ).toEqual([
      {
        location: 'path',
        name: 'serviceId',
        message: 'does not match pattern ^\\S*$',
        value: 'bad id',
      },
    ])
  })

  it('rejects a registration without hostName, naming the field', () => {
    const body = { instance: { endpoints: ['rest://10.0.0.5:8080'] } }
    expect(validator.request('registerInstance', { path, body })).toEqual([
      { location: 'body', name: 'instance.hostName', message: 'is required' },
    ])
  })

  it('names nested array fields and reports length limits', () => {
    const body = {
      services: [
        { service: { serviceName: 'orders' } },
        { service: { appId: 'a'.repeat(161), serviceName: 'x' } },
      ],
    }
    const issues = validator.request('batchFindInstances', { path, query: { type: 'query' }, body })
    expect(issues).toContainEqual({
      location: 'body',
      name: 'services[0].service.appId',
      message: 'is required',
    })
    expect(issues).toContainEqual({
      location: 'body',
      name: 'services[1].service.appId',
      message: 'must be at most 160 characters',
      value: 'a'.repeat(161),
    })
  })

  it('reports missing required query parameters and a missing body', () => {
    const issues = validator.request('batchFindInstances', { path })
    expect(issues).toEqual([
      { location: 'query', name: 'type', message: 'is required' },
      { location: 'body', name: 'body', message: 'is required' },
    ])
  })

  it('checks enums of query values and matches header names case-insensitively', () => {
    const issues = validator.request('updateInstanceStatus', {
      path: { ...path, instanceId: 'i-1' },
      query: { value: 'up' },
      headers: { 'x-consumerid': 'has space' },
    })
    expect(issues).toEqual([
      {
        location: 'query',
        name: 'value',
        message: 'must be one of UP, DOWN, STARTING, TESTING, OUTOFSERVICE',
        value: 'up',
      },
    ])
    const find = validator.request('findInstances', {
      path: { project: 'default' },
      query: { appId: 'shop', serviceName: 'orders' },
      headers: new Headers({ 'x-consumerid': 'has space' }),
    })
    expect(find).toEqual([
      {
        location: 'header',
        name: 'X-ConsumerId',
        message: 'does not match pattern ^\\S*$',
        value: 'has space',
      },
    ])
  })

  it('leaves version optional on findInstances so both profiles validate', () => {
    const query = { appId: 'shop', serviceName: 'orders' }
    expect(validator.request('findInstances', { path: { project: 'default' }, query })).toEqual([])
    expect(
      validator.request('findInstances', {
        path: { project: 'default' },
        query: { ...query, version: '1.0+' },
      }),
    ).toEqual([])
  })

  it('throws a SpecLookupError for an unknown operation', () => {
    expect(() => validator.request('nope', {})).toThrow(SpecLookupError)
  })
})

describe('response validation', () => {
  it('rejects a numeric errorCode', () => {
    const body = { errorCode: 400012, errorMessage: 'Micro-service does not exist' }
    expect(validator.response('getService', { status: 400, body })).toEqual([
      { location: 'body', name: 'errorCode', message: 'must be of type string', value: 400012 },
    ])
  })

  it('rejects an undeclared status', () => {
    const issues = validator.response('getService', { status: 404, body: '404 page not found' })
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ location: 'status', name: '404', value: 404 })
  })

  it('requires X-Resource-Revision on discovery answers, including 304', () => {
    expect(validator.response('findInstances', { status: 304 })).toEqual([
      { location: 'header', name: 'X-Resource-Revision', message: 'is required' },
    ])
    expect(
      validator.response('findInstances', {
        status: 200,
        headers: { 'x-resource-revision': 'abc' },
        body: {},
      }),
    ).toEqual([])
  })

  it('accepts the empty body of mutations and rejects a JSON body there', () => {
    expect(validator.response('deleteService', { status: 200, body: '' })).toEqual([])
    expect(validator.response('deleteService', { status: 200, body: { ok: true } })).toEqual([
      { location: 'body', name: 'body', message: 'must be empty', value: { ok: true } },
    ])
  })

  it('accepts both batch heartbeat answers (empty or per-instance list)', () => {
    expect(validator.response('heartbeats', { status: 200 })).toEqual([])
    const body = { instances: [{ serviceId: SERVICE_ID, instanceId: 'i-1', errMessage: 'gone' }] }
    expect(validator.response('heartbeats', { status: 200, body })).toEqual([])
  })

  it('requires a body where the response has one', () => {
    expect(validator.response('getService', { status: 200 })).toEqual([
      { location: 'body', name: 'body', message: 'is required' },
    ])
  })
})

describe('component validation', () => {
  it('validates values of named component schemas', () => {
    expect(validator.schema('MicroService', { serviceName: 'orders', version: '1.0.0' })).toEqual(
      [],
    )
    expect(validator.schema('HealthCheck', { mode: 'push' })).toEqual([
      { location: 'body', name: 'interval', message: 'is required' },
    ])
    expect(validator.schema('TagMap', { '9lives': 'yes' })).toEqual([
      {
        location: 'body',
        name: '["9lives"]',
        message: 'has a name that does not match pattern ^[a-zA-Z][a-zA-Z0-9_\\-.]{0,63}$',
        value: '9lives',
      },
    ])
  })

  it('throws a SpecLookupError for an unknown component', () => {
    expect(() => validator.schema('Nope', {})).toThrow(SpecLookupError)
  })
})
