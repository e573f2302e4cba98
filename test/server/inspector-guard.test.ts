import { afterEach, describe, expect, it } from 'vitest'
import { type CseMockServer, startCseMockServer } from '../../src/server/index.ts'
import { rawRequest } from '../hardening/raw-http.ts'

let server: CseMockServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const ACCOUNTS = { alice: 'Alice-Pa55' }

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server!.url}/__cse-mock${path}`, { headers })

async function codeOf(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code
}

describe("the inspector's routes behind the control API's guard", () => {
  it('refuses a page of another origin and a Host that is not allowed', async () => {
    server = await startCseMockServer({ port: 0 })
    for (const path of ['/ui', '/registry', '/events', '/requests/1']) {
      const foreign = await get(path, { Origin: 'https://evil.example' })
      expect([path, foreign.status, await codeOf(foreign)]).toEqual([path, 403, 'CROSS_ORIGIN'])
    }
    // DNS rebinding: a page of attacker.example whose name now points at 127.0.0.1.
    const rebound = await rawRequest(
      server.port,
      `GET /__cse-mock/ui HTTP/1.1\r\nHost: attacker.example:${server.port}\r\nConnection: close\r\n\r\n`,
    )
    expect(rebound.status).toBe(403)
    expect(rebound.body).toContain('HOST_NOT_ALLOWED')
    const own = await get('/registry', { Origin: server.url })
    expect(own.status).toBe(200)
  })

  it("with accounts, asks for the registry's token for data but not for the page itself", async () => {
    server = await startCseMockServer({ port: 0, accounts: ACCOUNTS })
    for (const path of ['/registry', '/events', '/requests/1']) {
      const refused = await get(path)
      const body = (await refused.json()) as { errorCode: string }
      expect([path, refused.status, body.errorCode]).toEqual([path, 401, '401204'])
    }
    // No token needed for the page and its files (here: one it does not have).
    const file = await get('/ui/no-such-file.js')
    expect([file.status, await codeOf(file)]).toEqual([404, 'NOT_FOUND'])
    const page = await get('/ui')
    expect(page.status).not.toBe(401)
    await page.body?.cancel()

    const login = await fetch(`${server.url}/v4/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'alice', password: ACCOUNTS.alice }),
    })
    const { token } = (await login.json()) as { token: string }
    const view = await get('/registry', { Authorization: `Bearer ${token}` })
    expect(view.status).toBe(200)
    const events = await get('/events', { Authorization: `Bearer ${token}` })
    expect(events.headers.get('content-type')).toBe('text/event-stream; charset=UTF-8')
    await events.body?.cancel()
  })
})
