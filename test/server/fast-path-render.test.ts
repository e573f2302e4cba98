import { describe, expect, it } from 'vitest'
import type { RenderedAnswer } from '../../src/http/respond.ts'
import { renderWire } from '../../src/server/fast-path/render-answer.ts'

const DATE = 'Wed, 02 Dec 2026 05:00:00 GMT'

function answer(headers: Record<string, string>, body: string | null = '{}'): RenderedAnswer {
  return { status: 200, headers: { 'Content-Type': 'application/json', ...headers }, body }
}

describe('renderWire', () => {
  it('gives each answer its own length, closing and date from a head built once', () => {
    const first = renderWire(answer({ 'X-Resource-Revision': 'r1' }), 'GET', undefined, false, DATE)
    const again = renderWire(
      answer({ 'X-Resource-Revision': 'r1' }, '{"a":"é"}'),
      'GET',
      undefined,
      'client',
      'Thu, 03 Dec 2026 05:00:00 GMT',
    )
    expect(first.text).toBe(
      `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nServer: SERVICECENTER/2.2.0\r\nVary: Accept-Encoding\r\nVary: Origin\r\nX-Resource-Revision: r1\r\nContent-Length: 2\r\nDate: ${DATE}\r\n\r\n{}`,
    )
    expect(again.text).toBe(
      'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nServer: SERVICECENTER/2.2.0\r\nVary: Accept-Encoding\r\nVary: Origin\r\nX-Resource-Revision: r1\r\nContent-Length: 10\r\nDate: Thu, 03 Dec 2026 05:00:00 GMT\r\nConnection: close\r\n\r\n{"a":"é"}',
    )
    const closing = renderWire(
      answer({ 'X-Resource-Revision': 'r1' }),
      'GET',
      'http://a.test',
      'server',
      DATE,
    )
    expect(closing.text).toContain(
      '\r\nAccess-Control-Allow-Origin: *\r\nContent-Type: application/json\r\n',
    )
    expect(closing.text).toContain(
      `\r\nContent-Length: 2\r\nConnection: close\r\nDate: ${DATE}\r\n\r\n`,
    )
  })

  it('refuses a header value node:http refuses, even where a valid list reads alike', () => {
    renderWire(answer({ A: 'x', B: 'y' }), 'GET', undefined, false, DATE)
    expect(() => renderWire(answer({ A: 'x\nB\ny' }), 'GET', undefined, false, DATE)).toThrow(
      TypeError,
    )
    expect(() => renderWire(answer({ A: 'x\u0001' }), 'GET', undefined, false, DATE)).toThrow(
      TypeError,
    )
  })
})
