import { generateKeyPairSync, sign } from 'node:crypto'
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { killAllCli, startServe, stopCli } from './cli-process.ts'

const ROOT_PASSWORD = 'Root#Pa55word'
const PASSWORD = 'Dev#Pa55word'
let dir = ''

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cse-mock-rbac-'))
})

afterAll(async () => {
  await killAllCli()
  await rm(dir, { recursive: true, force: true })
})

async function call(url: string, method: string, path: string, auth?: string, body?: unknown) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: auth ? { Authorization: auth } : {},
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  return {
    status: response.status,
    text,
    json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
  }
}

async function login(url: string, name: string, password: string) {
  const reply = await call(url, 'POST', '/v4/token', undefined, { name, password })
  expect(reply.status, reply.text).toBe(200)
  return `Bearer ${String(reply.json!.token)}`
}

function upgrade(url: string, path: string, auth?: string) {
  return new Promise<{ opened: boolean; status?: number; body?: string; type?: string }>(
    (resolve) => {
      const socket = new WebSocket(`${url.replace(/^http/, 'ws')}${path}`, {
        headers: auth ? { Authorization: auth } : {},
      })
      socket.once('open', () => {
        socket.close()
        resolve({ opened: true })
      })
      socket.once('unexpected-response', (_request, response) => {
        let body = ''
        response.on('data', (chunk) => (body += String(chunk)))
        response.on('end', () => {
          const type = response.headers['content-type']
          resolve({ opened: false, status: response.statusCode!, body, ...(type ? { type } : {}) })
        })
      })
      socket.once('error', () => undefined)
    },
  )
}

describe('cse-mock serve --rbac', () => {
  it('reads SC_INIT_ROOT_PASSWORD, creates the key files, and keeps tokens valid across a restart', async () => {
    const keys = [
      '--rbac-private-key',
      join(dir, 'private.key'),
      '--rbac-public-key',
      join(dir, 'public.key'),
    ]
    const snapshot = join(dir, 'state.json')
    const first = await startServe(['--rbac', ...keys, '--snapshot-on-exit', snapshot, '--quiet'], {
      SC_INIT_ROOT_PASSWORD: ROOT_PASSWORD,
    })
    expect((await stat(join(dir, 'private.key'))).mode & 0o777).toBe(0o600)
    const root = await login(first.url, 'root', ROOT_PASSWORD)
    const role = { name: 'reader', perms: [{ resources: [{ type: 'service' }], verbs: ['get'] }] }
    expect((await call(first.url, 'POST', '/v4/roles', root, role)).status).toBe(200)
    const account = { name: 'reader-1', password: PASSWORD, roles: ['reader'] }
    expect((await call(first.url, 'POST', '/v4/accounts', root, account)).status).toBe(200)
    const reader = await login(first.url, 'reader-1', PASSWORD)
    await stopCli(first)

    const second = await startServe(['--rbac', ...keys, '--fixture', snapshot, '--quiet'], {
      SC_INIT_ROOT_PASSWORD: ROOT_PASSWORD,
    })
    expect((await call(second.url, 'GET', '/v4/default/registry/microservices', root)).status).toBe(
      200,
    )
    expect(
      (await call(second.url, 'GET', '/v4/default/registry/microservices', reader)).status,
    ).toBe(200)
    const create = await call(second.url, 'POST', '/v4/default/registry/microservices', reader, {
      service: { serviceName: 'cart', version: '1.0.0' },
    })
    expect(create.json).toEqual({
      errorCode: '403205',
      errorMessage: 'No permission(s)',
      detail: 'role has no permissions[service:create]',
    })
    expect(create.status).toBe(403)
    await stopCli(second)
  })

  it('accepts a token another issuer signed with the same PKCS #1 key pair', async () => {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const privateFile = join(dir, 'sc-private.key')
    const publicFile = join(dir, 'sc-public.key')
    await writeFile(privateFile, pair.privateKey.export({ type: 'pkcs1', format: 'pem' }))
    await writeFile(publicFile, pair.publicKey.export({ type: 'spki', format: 'pem' }))
    const server = await startServe([
      '--rbac',
      '--root-password',
      ROOT_PASSWORD,
      '--rbac-private-key',
      privateFile,
      '--rbac-public-key',
      publicFile,
      '--quiet',
    ])
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
    const content = `${encode({ alg: 'RS512', typ: 'JWT' })}.${encode({ account: 'root', exp: Math.floor(Date.now() / 1000) + 600, roles: ['admin'] })}`
    const signature = sign('sha512', Buffer.from(content), pair.privateKey).toString('base64url')
    const reply = await call(
      server.url,
      'GET',
      '/v4/default/registry/microservices',
      `Bearer ${content}.${signature}`,
    )
    expect(reply.status, reply.text).toBe(200)
    const forged = await call(
      server.url,
      'GET',
      '/v4/default/registry/microservices',
      `Bearer ${content}.${signature.slice(0, -4)}AAAA`,
    )
    expect(forged.json).toMatchObject({
      errorCode: '401201',
      detail: 'crypto/rsa: verification error',
    })
    await stopCli(server)
  })

  it('refuses websocket upgrades without a token or permission with a bodiless 200, as Service Center does', async () => {
    const server = await startServe(['--rbac', '--root-password', ROOT_PASSWORD, '--quiet'])
    const root = await login(server.url, 'root', ROOT_PASSWORD)
    const created = await call(server.url, 'POST', '/v4/default/registry/microservices', root, {
      service: { serviceName: 'cart', version: '1.0.0' },
    })
    const watcher = `/v4/default/registry/microservices/${String(created.json!.serviceId)}/watcher`
    expect(await upgrade(server.url, watcher)).toEqual({ opened: false, status: 200, body: '' })
    expect(await upgrade(server.url, watcher, 'Bearer a.b')).toEqual({
      opened: false,
      status: 200,
      body: '',
    })
    expect(await upgrade(server.url, watcher, root)).toEqual({ opened: true })
    const role = { name: 'nothing', perms: [{ resources: [{ type: 'config' }], verbs: ['get'] }] }
    expect((await call(server.url, 'POST', '/v4/roles', root, role)).status).toBe(200)
    const account = { name: 'cfg-1', password: PASSWORD, roles: ['nothing'] }
    expect((await call(server.url, 'POST', '/v4/accounts', root, account)).status).toBe(200)
    const limited = await login(server.url, 'cfg-1', PASSWORD)
    expect(await upgrade(server.url, watcher, limited)).toEqual({
      opened: false,
      status: 200,
      body: '',
    })
    // A role limited to the watcher's service by its labels may open it.
    const cart = {
      name: 'cart-reader',
      perms: [
        { resources: [{ type: 'service', labels: { serviceName: 'cart' } }], verbs: ['get'] },
      ],
    }
    expect((await call(server.url, 'POST', '/v4/roles', root, cart)).status).toBe(200)
    const reader = { name: 'cart-1', password: PASSWORD, roles: ['cart-reader'] }
    expect((await call(server.url, 'POST', '/v4/accounts', root, reader)).status).toBe(200)
    const cartToken = await login(server.url, 'cart-1', PASSWORD)
    expect(await upgrade(server.url, `${watcher}?x=1`, cartToken)).toEqual({ opened: true })
    const heartbeat = `/v4/default/registry/microservices/${String(created.json!.serviceId)}/instances/x/heartbeat`
    expect(await upgrade(server.url, heartbeat)).toEqual({ opened: false, status: 200, body: '' })
    await stopCli(server)
  })

  it('refuses a root password that breaks the password rule', async () => {
    const { runCli } = await import('./cli-process.ts')
    const result = await runCli(['serve', '--port', '0', '--rbac', '--root-password', 'short'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/root password is refused/)
  })
})
