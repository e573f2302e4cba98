import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compareExchanges, createIdMap, sendRaw } from '../../src/compare/index.ts'

let canonical: Server
let lower: Server

function listen(server: Server) {
  return new Promise<string>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
    })
  })
}

// Two servers that send the same answer, one with Go's header case and one lower-cased.
function answer(names: [string, string]) {
  return createServer((_req, res) => {
    res.writeHead(200, [names[0], 'application/json', names[1], 'abc'])
    res.end('{"ok":true}')
  })
}

let canonicalUrl: string
let lowerUrl: string

beforeAll(async () => {
  canonical = answer(['Content-Type', 'X-Resource-Revision'])
  lower = answer(['content-type', 'x-resource-revision'])
  ;[canonicalUrl, lowerUrl] = await Promise.all([listen(canonical), listen(lower)])
})

afterAll(() => {
  canonical.close()
  lower.close()
})

describe('sendRaw', () => {
  it('reads header names in the case the server sent them', async () => {
    const answer = await sendRaw(canonicalUrl, { method: 'GET', path: '/x' })
    expect(answer.status).toBe(200)
    expect(answer.headers.map(([name]) => name)).toContain('X-Resource-Revision')
    expect(answer.body).toBe('{"ok":true}')
  })

  it('lets the comparer see a lower-cased header name over the wire', async () => {
    const [left, right] = await Promise.all([
      sendRaw(canonicalUrl, { method: 'GET', path: '/x' }),
      sendRaw(lowerUrl, { method: 'GET', path: '/x' }),
    ])
    const kinds = compareExchanges(left, right, createIdMap()).map((d) => `${d.kind} ${d.where}`)
    expect(kinds).toEqual(['header-case Content-Type', 'header-case X-Resource-Revision'])
  })

  it('answers a refused connection with the error instead of throwing', async () => {
    const answer = await sendRaw('http://127.0.0.1:1', { method: 'GET', path: '/' })
    expect(answer.status).toBe(0)
    expect(answer.error).toMatch(/ECONNREFUSED/)
  })
})
