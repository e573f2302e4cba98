import { describe, expect, it } from 'vitest'
import {
  compareExchanges,
  createIdMap,
  diffValues,
  type Exchange,
  normaliseBody,
  normaliseHeaderValue,
} from '../../src/compare/index.ts'

const SC_ID = '52ce6961f2a8dd5b5e7d2e4e7b1f0e0f4b7a8e3d'
const MOCK_ID = '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c'

function answer(body: unknown, headers: [string, string][] = []): Exchange {
  return { status: 200, headers, body: typeof body === 'string' ? body : JSON.stringify(body) }
}

describe('normaliser', () => {
  it('labels learned ids on each side with the same name', () => {
    const ids = createIdMap()
    ids.learn('provider', SC_ID, MOCK_ID)
    expect(normaliseBody(`{"serviceId":"${SC_ID}"}`, ids, 'left')).toEqual({
      serviceId: '<provider>',
    })
    expect(normaliseBody(`{"serviceId":"${MOCK_ID}"}`, ids, 'right')).toEqual({
      serviceId: '<provider>',
    })
    expect(ids.toRight(SC_ID)).toBe(MOCK_ID)
    expect(ids.vars('right')).toEqual({ provider: MOCK_ID })
  })

  it('replaces learned ids inside texts and unlearned hex ids by their shape', () => {
    const ids = createIdMap()
    ids.learn('provider', SC_ID, MOCK_ID)
    const text = `Instance[${MOCK_ID}/9160e81c0d4d11ef8f2b0242ac110002] does not exist.`
    expect(normaliseBody(JSON.stringify({ detail: text }), ids, 'right')).toEqual({
      detail: 'Instance[<provider>/<hex32>] does not exist.',
    })
  })

  it('hides times and revisions but keeps other values', () => {
    const ids = createIdMap()
    const body = { timestamp: '1796168655', modTimestamp: '1796168699', rev: 'abc', status: 'UP' }
    expect(normaliseBody(JSON.stringify(body), ids, 'left')).toEqual({
      timestamp: '<time>',
      modTimestamp: '<time>',
      rev: '<rev>',
      status: 'UP',
    })
    expect(normaliseHeaderValue('X-Resource-Revision', SC_ID, ids, 'left')).toBe('<rev>')
    expect(normaliseHeaderValue('Allow', 'GET, POST, DELETE', ids, 'left')).toBe(
      'DELETE, GET, POST',
    )
    expect(normaliseHeaderValue('Content-Type', 'application/json', ids, 'left')).toBe(
      'application/json',
    )
  })

  it('sorts arrays, since the registry promises no order', () => {
    const ids = createIdMap()
    const a = normaliseBody('{"instances":[{"i":"b"},{"i":"a"}]}', ids, 'left')
    const b = normaliseBody('{"instances":[{"i":"a"},{"i":"b"}]}', ids, 'right')
    expect(a).toEqual(b)
  })

  it('keeps a body that is not JSON as text', () => {
    expect(normaliseBody('404 page not found\n', createIdMap(), 'left')).toBe(
      '404 page not found\n',
    )
  })
})

describe('diffValues', () => {
  it('tells a missing key (shape) from another value', () => {
    expect(diffValues({ a: 1, b: { c: 'x' } }, { a: 2, b: {} })).toEqual([
      { kind: 'body-value', where: '$.a', left: '1', right: '2' },
      { kind: 'body-shape', where: '$.b.c', left: '"x"', right: 'absent' },
    ])
  })

  it('reports array length and item differences once per path', () => {
    const differences = diffValues({ xs: [{ s: 'UP' }, { s: 'UP' }] }, { xs: [{ s: 'DOWN' }] })
    expect(differences).toEqual([
      { kind: 'body-shape', where: '$.xs', left: '2 items', right: '1 items' },
      { kind: 'body-value', where: '$.xs[].s', left: '"UP"', right: '"DOWN"' },
    ])
  })

  it('calls JSON against text a shape difference', () => {
    expect(diffValues({ a: 1 }, 'text')[0]?.kind).toBe('body-shape')
  })

  it('finds nothing in equal values', () => {
    expect(diffValues({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toEqual([])
  })
})

describe('compareExchanges', () => {
  it('finds a header sent in another case, and one sent by one side only', () => {
    const left = answer({}, [
      ['Content-Type', 'application/json'],
      ['Server', 'SERVICECENTER/2.2.0'],
    ])
    const right = answer({}, [['content-type', 'application/json']])
    expect(compareExchanges(left, right, createIdMap())).toEqual([
      { kind: 'header-case', where: 'Content-Type', left: 'Content-Type', right: 'content-type' },
      { kind: 'header', where: 'Server', left: 'SERVICECENTER/2.2.0', right: 'absent' },
    ])
  })

  it('compares header values after normalising, repeated headers joined', () => {
    const left = answer('', [
      ['Vary', 'Accept-Encoding'],
      ['Vary', 'Origin'],
      ['Date', 'Wed, 02 Dec 2026 00:00:00 GMT'],
    ])
    const right = answer('', [
      ['Vary', 'Origin'],
      ['Date', 'Thu, 03 Dec 2026 00:00:00 GMT'],
    ])
    expect(compareExchanges(left, right, createIdMap())).toEqual([
      { kind: 'header-value', where: 'Vary', left: 'Accept-Encoding, Origin', right: 'Origin' },
    ])
  })

  it('reports status, body and websocket message differences', () => {
    const ids = createIdMap()
    const left: Exchange = { ...answer({ errorCode: '400012' }), status: 400, message: 'text gone' }
    const right: Exchange = { ...answer({ errorCode: '400013' }), status: 400 }
    expect(compareExchanges(left, right, ids).map((d) => d.kind)).toEqual(['body-value', 'message'])
    expect(compareExchanges({ ...left, status: 404 }, left, ids)[0]).toEqual({
      kind: 'status',
      where: '',
      left: '404',
      right: '400',
    })
  })

  it('agrees on the same answer with other ids and times', () => {
    const ids = createIdMap()
    ids.learn('provider', SC_ID, MOCK_ID)
    const left = answer({ service: { serviceId: SC_ID, timestamp: '1796168655' } })
    const right = answer({ service: { serviceId: MOCK_ID, timestamp: '1796160000' } })
    expect(compareExchanges(left, right, ids)).toEqual([])
  })
})
