import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { loadSnapshotFile } from '../../src/seed/fixtures-node.ts'
import { describeSnapshot } from '../../src/seed/index.ts'
import { killAllCli, runCli, startServe, stopCli } from './cli-process.ts'
import { call, createService } from './registry-calls.ts'

let folder = ''

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cse-mock-lifecycle-'))
})

afterEach(killAllCli)

afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
})

describe('cse-mock serve lifecycle', () => {
  it('seeds the stated number of services and instances', async () => {
    const server = await startServe(['--seed', '5', '--services', '7', '--instances', '20'])
    expect(server.stdout[0]).toMatch(/\(profile cse, 7 services, 21 instances\); inspector at /)
    const { services } = (await call(server.url, 'GET', '/v4/default/registry/microservices')) as {
      services: { serviceId: string }[]
    }
    expect(services).toHaveLength(7)
    let instances = 0
    for (const { serviceId } of services) {
      const listed = (await call(
        server.url,
        'GET',
        `/v4/default/registry/microservices/${serviceId}/instances`,
      )) as { instances?: unknown[] }
      instances += listed.instances?.length ?? 0
    }
    expect(instances).toBe(21)
  })

  it('lets an in-flight request finish on SIGTERM, then exits 0', async () => {
    const server = await startServe()
    await call(server.url, 'POST', '/__cse-mock/faults', {
      id: 'slow-version',
      match: { operationId: 'getVersion' },
      action: { type: 'latency', ms: 1_000 },
    })
    const slow = fetch(`${server.url}/v4/default/registry/version`)
    // The fault counts the call as soon as it starts waiting: from then on it is in flight.
    for (;;) {
      const { faults } = (await call(server.url, 'GET', '/__cse-mock/faults')) as {
        faults: { id: string; hits: number }[]
      }
      if (faults.find((fault) => fault.id === 'slow-version')?.hits === 1) break
      await new Promise((done) => setTimeout(done, 20))
    }
    server.child.kill('SIGTERM')
    const response = await slow
    expect(response.status).toBe(200)
    expect(await response.json()).toHaveProperty('version')
    expect(await server.exit).toEqual({ code: 0, signal: null })
    expect(server.stdout).toContain('cse-mock received SIGTERM, finishing in-flight requests')
    expect(server.stdout.at(-1)).toMatch(/^cse-mock stopped after \d+ requests?$/)
  })

  it('writes a loadable snapshot on exit and starts again from it', async () => {
    const file = join(folder, 'registry.json')
    const first = await startServe([
      '--seed',
      '4',
      '--services',
      '3',
      '--instances',
      '6',
      '--snapshot-on-exit',
      file,
    ])
    await createService(first.url, { appId: 'extra', serviceName: 'added', version: '2.0.0' })
    expect(await stopCli(first, 'SIGINT')).toEqual({ code: 0, signal: null })
    expect(first.stdout.join('\n')).toContain(
      `cse-mock wrote a snapshot (4 services, 6 instances) to ${file}`,
    )
    const counts = describeSnapshot(await loadSnapshotFile(file))
    expect(counts).toMatchObject({ services: 4, instances: 6 })

    const second = await startServe(['--fixture', file])
    expect(second.stdout[0]).toMatch(/\(profile cse, 4 services, 6 instances\); inspector at /)
    const found = (await call(
      second.url,
      'GET',
      '/v4/default/registry/existence?type=microservice&appId=extra&serviceName=added&version=2.0.0',
    )) as { serviceId?: string }
    expect(found.serviceId).toBeTruthy()
  })

  it('exits 1 with a clear message when the port is taken', async () => {
    const holder: Server = createServer()
    await new Promise<void>((done) => holder.listen(0, '127.0.0.1', done))
    try {
      const port = (holder.address() as { port: number }).port
      const { code, stderr } = await runCli(['serve', '--port', String(port)])
      expect(code).toBe(1)
      expect(stderr).toContain(`127.0.0.1:${port} is already in use`)
    } finally {
      await new Promise((done) => holder.close(done))
    }
  })

  it('logs JSON lines with --log-format json', async () => {
    const server = await startServe(['--log-format', 'json', '--profile', 'servicecomb'])
    await fetch(`${server.url}/v4/default/registry/health`)
    await server.waitForLine(/"operationId":"getHealth"/)
    await stopCli(server)
    const lines = server.stdout.map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(lines[0]).toMatchObject({
      event: 'listening',
      url: server.url,
      profile: 'servicecomb',
      services: 0,
      instances: 0,
    })
    const request = lines.find((line) => line.operationId === 'getHealth')
    expect(request).toMatchObject({
      method: 'GET',
      url: '/v4/default/registry/health',
      status: 200,
    })
    expect(request?.durationMs).toBeTypeOf('number')
    expect(Number.isNaN(Date.parse(String(request?.time)))).toBe(false)
    expect(lines.at(-1)).toMatchObject({ event: 'stopped', requests: 1 })
  })

  it('logs no requests with --quiet', async () => {
    const server = await startServe(['--quiet'])
    await fetch(`${server.url}/v4/default/registry/health`)
    expect(await stopCli(server)).toEqual({ code: 0, signal: null })
    expect(server.stdout).toEqual([
      expect.stringMatching(/^cse-mock listening on /),
      'cse-mock received SIGTERM, finishing in-flight requests',
      'cse-mock stopped after 1 request',
    ])
  })
})
