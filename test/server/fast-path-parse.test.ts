import { describe, expect, it } from 'vitest'
import { MAX_FAST_BODY_BYTES, parseRequest } from '../../src/server/fast-path/parse-request.ts'

const MAX = 32 * 1024

function parse(text: string) {
  return parseRequest(Buffer.from(text, 'latin1'), MAX)
}

describe('parseRequest', () => {
  it('reads a plain request with its headers as sent and the body it declares', () => {
    const parsed = parse(
      'POST /v4/a?b=c HTTP/1.1\r\nHost: h\r\nX-Domain-Name:  tenant \r\nContent-Length: 2\r\n\r\n{}GET',
    )
    expect(parsed).toMatchObject({
      method: 'POST',
      url: '/v4/a?b=c',
      host: 'h',
      close: false,
      contentLength: 2,
      rawHeaders: ['Host', 'h', 'X-Domain-Name', 'tenant', 'Content-Length', '2'],
      size: 'POST /v4/a?b=c HTTP/1.1\r\nHost: h\r\nX-Domain-Name:  tenant \r\nContent-Length: 2\r\n\r\n{}'
        .length,
    })
    expect(parsed !== 'incomplete' && parsed !== 'decline' && parsed.body?.toString()).toBe('{}')
  })

  it('waits for the rest of a head or body', () => {
    expect(parse('GET / HTTP/1.1\r\nHost: h\r\n')).toBe('incomplete')
    expect(parse('POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\n{}')).toBe('incomplete')
  })

  it('declines whatever node:http should read', () => {
    for (const text of [
      'OPTIONS / HTTP/1.1\r\nHost: h\r\n\r\n',
      'GET / HTTP/1.0\r\nHost: h\r\n\r\n',
      'GET / HTTP/1.1\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n',
      'GET * HTTP/1.1\r\nHost: h\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: h\r\nConnection: keep-alive, Upgrade\r\n\r\n',
      'POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n',
      'POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\n{',
      'POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 0x1\r\n\r\n{',
      `POST / HTTP/1.1\r\nHost: h\r\nContent-Length: ${MAX_FAST_BODY_BYTES + 1}\r\n\r\n`,
      'GET / HTTP/1.1\r\nHost: h\r\nX: a\x00b\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: h\r\nBad Name: v\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: h\r\nOrigin: a\r\nOrigin: b\r\n\r\n',
      `GET / HTTP/1.1\r\nHost: h\r\n${'X: y\r\n'.repeat(101)}\r\n`,
      `GET /${'a'.repeat(MAX)} HTTP/1.1\r\nHost: h\r\n\r\n`,
    ]) {
      expect(parse(text), JSON.stringify(text)).toBe('decline')
    }
    // A head that never ends is declined once it is longer than node:http would take.
    expect(parse(`GET / HTTP/1.1\r\nX: ${'a'.repeat(MAX)}`)).toBe('decline')
  })

  it('reads Connection: close and keep-alive in any case', () => {
    const close = parse('GET / HTTP/1.1\r\nHost: h\r\nConnection: Close\r\n\r\n')
    expect(close !== 'incomplete' && close !== 'decline' && close.close).toBe(true)
    const keep = parse('GET / HTTP/1.1\r\nHost: h\r\nConnection: Keep-Alive\r\n\r\n')
    expect(keep !== 'incomplete' && keep !== 'decline' && keep.close).toBe(false)
  })
})
