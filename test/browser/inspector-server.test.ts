import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRegistryClient } from '../../src/client.ts'
import { type CseMockServer, startCseMockServer } from '../../src/server/index.ts'
import { launchChromium } from './chromium.ts'
import { docShot } from './doc-shots.ts'

let server: CseMockServer
let browser: Browser | undefined
let page: Page
const pageErrors: string[] = []

beforeAll(async () => {
  server = await startCseMockServer({ port: 0, seed: 42, clock: 'virtual' })
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1360, height: 820 } })
  page.setDefaultTimeout(10_000)
  page.on('pageerror', (error) => pageErrors.push(error.message))
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
}

async function openTab(name: string): Promise<void> {
  await page.click(`[data-tab="${name}"]`)
}

async function search(text: string): Promise<void> {
  await openTab('registry')
  await page.fill('input[aria-label="Search the registry"]', text)
}

describe('the inspector page of cse-mock serve, in Chromium', () => {
  it('shows the seeded registry: tenant, apps, services with versions, instances with leases', async () => {
    await page.goto(`${server.url}/__cse-mock/ui`)
    await page.waitForSelector('[data-testid="live"]:text("live")')
    await page.waitForSelector('[data-instance-id]')
    expect(await page.textContent('.cm-status-bar')).toContain('12 services · 24 instances')
    expect(await page.locator('.cm-row-tenant').textContent()).toContain('default/default')
    const firstService = page.locator('[data-service-name]').first()
    expect(await firstService.textContent()).toMatch(/\d+\.\d+\.\d+/)
    const lease = await page.locator('[data-instance-id] .cm-lease').first().textContent()
    expect(lease).toBe('lease 2m 00s')
    await firstService.locator('.cm-row-main').click()
    await page.waitForSelector('[data-testid="service-detail"]')
    expect(await page.textContent('[data-testid="service-detail"]')).toMatch(/Tags[\s\S]*Schemas/)
    await page.screenshot({ path: docShot('registry.png') })
  })

  it('shows a registration made from Node within a second', async () => {
    await search('checkout')
    const created = await post('/v4/default/registry/microservices', {
      service: { appId: 'shop', serviceName: 'checkout', version: '1.0.0' },
    })
    const { serviceId } = (await created.json()) as { serviceId: string }
    const registered = await post(`/v4/default/registry/microservices/${serviceId}/instances`, {
      instance: {
        hostName: 'checkout-1',
        endpoints: ['rest://10.0.0.7:8080'],
        properties: { zone: 'eu-west-1a' },
      },
    })
    const { instanceId } = (await registered.json()) as { instanceId: string }
    const row = page.locator(`[data-instance-id="${instanceId}"]`)
    await row.waitFor({ timeout: 1000 })
    expect(await row.textContent()).toContain('checkout-1')
    await row.click()
    const detail = page.locator('[data-testid="instance-detail"]')
    expect(await detail.textContent()).toContain('rest://10.0.0.7:8080')
    expect(await detail.textContent()).toContain('eu-west-1a')
    await page.screenshot({ path: docShot('instance.png') })
  })

  it('removes the instance from the view when the virtual clock passes its TTL', async () => {
    await search('checkout')
    const row = page.locator('[data-instance-id]', { hasText: 'checkout-1' })
    await row.waitFor()
    await openTab('state')
    await page.click('button:text-is("+2 min")')
    await search('checkout')
    await row.waitFor({ state: 'detached' })
    expect(await page.locator('[data-service-name="checkout"]').textContent()).toContain('0/0 up')
    expect(server.mock.registry.stats().instances).toBe(0)
  })

  it('adds a fault from the form; the next client call fails and shows in the traffic list', async () => {
    const [checkout] = server.mock.registry
      .inspect()
      .tenants[0]!.services.filter((entry) => entry.service.serviceName === 'checkout')
    await post(`/v4/default/registry/microservices/${checkout?.service.serviceId}/instances`, {
      instance: { hostName: 'checkout-2', endpoints: ['rest://10.0.0.8:8080'] },
    })
    await openTab('faults')
    await page.fill('[data-testid="fault-form"] input[name="operationId"]', 'findInstances')
    await page.fill('[data-testid="fault-form"] input[name="serviceName"]', 'checkout')
    await page.selectOption('[data-testid="fault-form"] select[name="action"]', 'error')
    await page.fill('[data-testid="fault-form"] input[name="value"]', '500011')
    await page.fill('[data-testid="fault-form"] input[name="times"]', '1')
    await page.click('[data-testid="fault-form"] button[type="submit"]')
    const fault = page.locator('[data-fault-id]')
    await fault.waitFor()
    expect(await fault.locator('.cm-remaining').textContent()).toBe('1')
    await page.screenshot({ path: docShot('faults.png') })

    const client = createRegistryClient({ baseUrl: server.url })
    const query = { appId: 'shop', serviceName: 'checkout', version: 'latest' }
    const failed = await client.GET('/v4/{project}/registry/instances', {
      params: { path: { project: client.project }, query },
    })
    expect(failed.response.status).toBe(500)
    expect(failed.error).toMatchObject({ errorCode: '500011' })
    // `times: 1`: the fault retired, the list says so live.
    await fault.waitFor({ state: 'detached' })
    const recovered = await client.GET('/v4/{project}/registry/instances', {
      params: { path: { project: client.project }, query },
    })
    expect(recovered.error).toBeUndefined()
    expect(recovered.response.status).toBe(200)

    await openTab('traffic')
    await page.selectOption('select[aria-label="Operation"]', 'findInstances')
    const rows = page.locator('[data-testid="traffic-list"] [data-seq]')
    await rows.nth(1).waitFor()
    // Newest first: the recovered call, then the one the fault failed, coloured as a 5xx.
    expect(await rows.nth(0).getAttribute('data-status')).toBe('200')
    expect(await rows.nth(1).getAttribute('data-status')).toBe('500')
    expect(await rows.nth(1).locator('.cm-code').getAttribute('class')).toContain('cm-code-server')
    await rows.nth(1).click()
    const detail = page.locator('[data-testid="request-detail"]')
    await detail.waitFor()
    expect(await detail.textContent()).toContain('"errorCode": "500011"')
    expect(await detail.textContent()).toMatch(/fault fault-\d+/)
    await page.screenshot({ path: docShot('traffic.png') })
  })

  it('shows the clock, profile, reset, seed and snapshot controls', async () => {
    await openTab('state')
    await page.waitForSelector('[data-testid="clock-card"]')
    expect(await page.textContent('[data-testid="clock-card"]')).toContain('Virtual')
    await page.click('[data-testid="profile"] button:text-is("servicecomb")')
    await page.waitForSelector(
      '[data-testid="profile"] button[aria-pressed="true"]:text-is("servicecomb")',
    )
    expect(server.mock.registry.profile).toBe('servicecomb')
    const download = page.waitForEvent('download')
    await page.click('button:text-is("Download snapshot")')
    const file = await (await download).path()
    const { readFile } = await import('node:fs/promises')
    const snapshot = JSON.parse(await readFile(file, 'utf8')) as { format: string }
    expect(snapshot.format).toBe('cse-mock/snapshot@1')
    await page.screenshot({ path: docShot('state.png') })
    await page.click('[data-testid="profile"] button:text-is("cse")')
    expect(pageErrors).toEqual([])
  })
})
