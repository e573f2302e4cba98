import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getResponse } from 'msw'
import { createCseMock } from '../../src/mock.ts'

/** One way the defective server breaks the contract. */
export type Defect =
  | 'numeric-error-code'
  | 'no-revision'
  | 'undeclared-status'
  | 'merging-tags'
  | 'permissive-auth'

/** The account of the server with security authentication (`permissive-auth`). */
export const DEFECTIVE_LOGIN = { user: 'contract', password: 'Contract#Pa55' }

/** A loopback HTTP server that answers like the mock, except for the defects it was given. */
export interface DefectiveServer {
  url: string
  close(): Promise<void>
}

/**
 * Starts the mock behind a `node:http` server on 127.0.0.1 and breaks its answers: error codes
 * as JSON numbers, no `X-Resource-Revision`, `204` for heartbeats, tags POST that merges, or
 * security authentication that lets every token through.
 */
export async function startDefectiveServer(defects: readonly Defect[]): Promise<DefectiveServer> {
  const has = (defect: Defect) => defects.includes(defect)
  // permissive-auth: logins work, but every other call runs as the operator whatever its
  // Authorization says (none, malformed, another scheme, a restricted or deleted account).
  const mock = await createCseMock({
    profile: 'servicecomb',
    ...(has('permissive-auth')
      ? { accounts: { [DEFECTIVE_LOGIN.user]: DEFECTIVE_LOGIN.password } }
      : {}),
  })
  let operator: string | undefined
  const answer = async (request: Request) =>
    (await getResponse(mock.handlers, request)) ??
    new Response('404 page not found', { status: 404 })

  const server: Server = createServer(async (incoming, outgoing) => {
    const body = await readBody(incoming)
    const url = `http://${incoming.headers.host}${incoming.url}`
    const headers = new Headers(incoming.headers as Record<string, string>)
    const method = incoming.method ?? 'GET'
    let sent = body.length > 0 ? body : undefined
    const path = new URL(url).pathname
    if (has('permissive-auth') && path !== '/v4/token') {
      operator ??= await mock.registry
        .createToken({ name: DEFECTIVE_LOGIN.user, password: DEFECTIVE_LOGIN.password })
        .then(({ token }) => `Bearer ${token}`)
      headers.set('authorization', operator ?? '')
    }
    if (has('merging-tags') && method === 'POST' && path.endsWith('/tags') && sent) {
      const current = await answer(new Request(url, { headers }))
      const before = ((await current.json()) as { tags?: Record<string, string> }).tags ?? {}
      const added = (JSON.parse(sent) as { tags?: Record<string, string> }).tags ?? {}
      sent = JSON.stringify({ tags: { ...before, ...added } })
    }
    let response = await answer(
      new Request(url, { method, headers, ...(sent ? { body: sent } : {}) }),
    )
    let text = await response.text()
    const out = new Headers(response.headers)
    if (has('numeric-error-code') && response.status >= 400 && text.startsWith('{')) {
      const envelope = JSON.parse(text) as { errorCode?: string }
      text = JSON.stringify({ ...envelope, errorCode: Number(envelope.errorCode) })
    }
    if (has('no-revision')) out.delete('x-resource-revision')
    if (
      has('undeclared-status') &&
      method === 'PUT' &&
      path.endsWith('/heartbeat') &&
      response.ok
    ) {
      response = new Response(null, { status: 204 })
      text = ''
      out.delete('content-type')
    }
    out.delete('content-length')
    outgoing.writeHead(response.status, Object.fromEntries(out))
    outgoing.end(text)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function readBody(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    incoming.setEncoding('utf8')
    incoming.on('data', (chunk: string) => {
      text += chunk
    })
    incoming.on('end', () => resolve(text))
    incoming.on('error', reject)
  })
}
