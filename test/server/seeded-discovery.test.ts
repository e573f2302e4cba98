import { afterAll, describe, expect, it } from 'vitest'
import type { Snapshot } from '../../src/registry/snapshot.ts'
import { killAllCli, startServe, stopCli } from './cli-process.ts'

afterAll(() => killAllCli())

async function json(url: string, init?: RequestInit) {
  const response = await fetch(url, init)
  const text = await response.text()
  return { status: response.status, text, body: text ? JSON.parse(text) : undefined }
}

/** Discovers every seeded service name the way an application does: no env, version latest. */
async function discoverAll(url: string) {
  const { body: snapshot } = (await json(`${url}/__cse-mock/snapshot`)) as { body: Snapshot }
  const services = snapshot.tenants.flatMap((tenant) => tenant.services.map((s) => s.service))
  expect(services.length).toBeGreaterThan(0)
  const names = new Set(services.map((s) => `${s.appId}/${s.serviceName}`))
  const found: Record<string, number> = {}
  for (const name of names) {
    const [appId, serviceName] = name.split('/') as [string, string]
    const query = new URLSearchParams({ appId, serviceName, version: 'latest' })
    const reply = await json(`${url}/v4/default/registry/instances?${query}`)
    expect([name, reply.status], reply.text).toEqual([name, 200])
    found[name] = (reply.body.instances ?? []).length
  }
  return { services, found }
}

describe.each([
  ['cse', 'development'],
  ['servicecomb', undefined],
] as const)('cse-mock serve --profile %s --seed 42', (profile, environment) => {
  it("seeds services in the profile's default environment, found by a discovery without env", async () => {
    const cli = await startServe(['--profile', profile, '--seed', '42', '--quiet'])
    try {
      const { services, found } = await discoverAll(cli.url)
      expect(new Set(services.map((s) => s.environment))).toEqual(new Set([environment]))
      expect(Object.values(found).some((count) => count > 0)).toBe(true)
      // Seeding again through the control API, after a switch of profile, follows the new one.
      const other = profile === 'cse' ? 'servicecomb' : 'cse'
      const put = await json(`${cli.url}/__cse-mock/profile`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ profile: other }),
      })
      expect(put.status).toBe(200)
      const seeded = await json(`${cli.url}/__cse-mock/seed`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ seed: 7 }),
      })
      expect(seeded.status, seeded.text).toBe(204)
      const again = await discoverAll(cli.url)
      expect(new Set(again.services.map((s) => s.environment))).toEqual(
        new Set([other === 'cse' ? 'development' : undefined]),
      )
    } finally {
      await stopCli(cli)
    }
  })
})
