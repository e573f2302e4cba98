import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, Page, Response } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from './chromium.ts'
import { docShot } from './doc-shots.ts'
import { type ExampleServer, startExampleServer } from './example-server.ts'

const screenshotDir = fileURLToPath(new URL('../../.tmp/', import.meta.url))

let server: ExampleServer | undefined
let browser: Browser | undefined
let page: Page
const mockResponses: Response[] = []
const pageErrors: string[] = []

beforeAll(async () => {
  server = await startExampleServer()
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 900, height: 1000 } })
  // Below the test timeout, so a missing element fails with Playwright's message naming it.
  page.setDefaultTimeout(10_000)
  page.on('pageerror', (error) => pageErrors.push(error.message))
  page.on('response', (response) => {
    if (/^\/(v4|__cse-mock)\//.test(new URL(response.url()).pathname)) mockResponses.push(response)
  })
})

afterAll(async () => {
  if (browser?.isConnected()) {
    mkdirSync(screenshotDir, { recursive: true })
    await page.screenshot({ path: `${screenshotDir}browser-example.png`, fullPage: true })
  }
  await browser?.close()
  await server?.close()
})

describe('examples/browser in Chromium', () => {
  it('bundles cse-mock/browser without any Node built-in', () => {
    expect(server?.nodeImports).toEqual([])
  })

  it('starts the mock service worker, which then controls the page', async () => {
    await page.goto(server?.url ?? '')
    await page.waitForSelector('#worker-status:is([data-state="ready"], [data-state="failed"])')
    const status = {
      state: await page.getAttribute('#worker-status', 'data-state'),
      text: await page.textContent('#worker-status'),
    }
    // The seeded registry answered the page's first call.
    expect(status).toEqual({
      state: 'ready',
      text: expect.stringMatching(/· [1-9]\d* services in the seeded registry$/),
    })
    const controller = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)
    expect(controller).toBe(`${server?.url}mockServiceWorker.js`)
  })

  it('registers an instance through the form and discovers it', async () => {
    await page.fill('input[name="serviceName"]', 'checkout')
    await page.fill('input[name="hostName"]', 'checkout-7')
    await page.fill('input[name="endpoint"]', 'rest://10.0.0.7:8080')
    await page.click('#register-form button[type="submit"]')

    const row = page.locator('#instances tbody tr', { hasText: 'checkout-7' })
    await row.or(page.locator('#last-error:visible')).first().waitFor()
    const error = (await page.textContent('#last-error')) ?? ''
    expect(await page.isHidden('#last-error'), error).toBe(true)
    const instanceId = (await row.locator('td').first().textContent()) ?? ''
    expect(instanceId).toMatch(/^[0-9a-f]{32}$/)
    expect(await row.locator('td').allTextContents()).toEqual([
      instanceId,
      'checkout-7',
      'rest://10.0.0.7:8080',
      'UP',
    ])
    expect(await page.textContent('#register-result')).toContain(
      `Registered instance ${instanceId}`,
    )
    expect(await page.isHidden('#last-error')).toBe(true)
  })

  it('shows a 503 injected into the next findInstances, and discovery recovers after it', async () => {
    await page.selectOption('#fault-kind', 'status-503')
    await page.click('#inject-fault')
    const alert = page.locator('#last-error')
    await alert.waitFor({ state: 'visible' })
    expect(await alert.textContent()).toBe('The page received HTTP 503: Service Unavailable')

    // `times: 1`: the fault retired after one call.
    await page.click('#refresh')
    await alert.waitFor({ state: 'hidden' })
    expect(await page.locator('#instances tbody tr', { hasText: 'checkout-7' }).count()).toBe(1)
  })

  it("shows a registry error fault with the registry's error envelope", async () => {
    await page.selectOption('#fault-kind', 'error-500011')
    await page.click('#inject-fault')
    const alert = page.locator('#last-error')
    await alert.waitFor({ state: 'visible' })
    expect(await alert.textContent()).toBe(
      'The page received HTTP 500 · errorCode 500011: Registry service is unavailable',
    )
  })

  it("mounts the inspector panel in a shadow root, reading the page's own registry", async () => {
    const panel = page.locator('cse-mock-inspector')
    await panel.locator('.cm-toggle').click()
    await panel.locator('[data-testid="live"]:text("live")').waitFor()
    // The seeded twelve plus the service the form registered, straight from the in-page mock.
    expect(await panel.locator('.cm-status-bar').textContent()).toContain('13 services')
    await panel.locator('input[aria-label="Search the registry"]').fill('checkout-7')
    const row = panel.locator('[data-instance-id]', { hasText: 'checkout-7' })
    await row.waitFor()
    expect(await row.textContent()).toContain('rest://10.0.0.7:8080')

    await panel.locator('[data-tab="traffic"]').click()
    await panel.locator('select[aria-label="Operation"]').selectOption('findInstances')
    const statuses = await panel
      .locator('[data-testid="traffic-list"] [data-seq]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')))
    // Newest first: the registry error and the 503 the page's faults caused are among them.
    expect(statuses.slice(0, 4)).toEqual(['500', '200', '503', '200'])

    const isolation = await page.evaluate(() => {
      const host = document.querySelector('cse-mock-inspector')
      const app = host?.shadowRoot?.querySelector('.cm-app')
      const inner = host?.shadowRoot?.querySelector('.cm-tab')
      // An element of the page with the inspector's class names gets none of its styles.
      const probe = document.createElement('div')
      probe.className = 'cm-app cm-tab'
      document.body.append(probe)
      const pageButton = document.querySelector('#refresh')
      const result = {
        shadow: host?.shadowRoot?.mode,
        inPanel: app ? getComputedStyle(app).display : undefined,
        inPage: getComputedStyle(probe).display,
        // The page's `button { padding: 4px 12px }` does not reach the inspector's buttons.
        pageButtonPadding: pageButton ? getComputedStyle(pageButton).paddingTop : undefined,
        panelButtonPadding: inner ? getComputedStyle(inner).paddingTop : undefined,
      }
      probe.remove()
      return result
    })
    expect(isolation).toEqual({
      shadow: 'open',
      inPanel: 'flex',
      inPage: 'block',
      pageButtonPadding: '4px',
      panelButtonPadding: '0px',
    })
    await panel.locator('[data-tab="registry"]').click()
    await panel.locator('input[aria-label="Search the registry"]').fill('')
    await page.screenshot({ path: docShot('panel.png') })
    await panel.locator('button[aria-label="Close the inspector"]').click()
    await panel.locator('.cm-toggle').waitFor()
  })

  it("answers the control API in the page too: the request log shows the faults' answers", async () => {
    const log = await page.evaluate(async () => {
      const response = await fetch('/__cse-mock/requests?operationId=findInstances')
      return { status: response.status, body: await response.json() }
    })
    const entries = (log.body as { requests: { status: number; faults?: string[] }[] }).requests
    expect(log.status).toBe(200)
    expect(entries.map((entry) => [entry.status, entry.faults?.length ?? 0])).toEqual([
      [200, 0], // discovery after the registration
      [503, 1],
      [200, 0], // the refresh after the one-time fault
      [500, 1],
    ])
  })

  it('answers every mocked call from the service worker, with no server behind it', async () => {
    const calls = mockResponses.map((response) => ({
      call: `${response.request().method()} ${new URL(response.url()).pathname}`,
      fromServiceWorker: response.fromServiceWorker(),
    }))
    expect(calls).toEqual(
      expect.arrayContaining([
        { call: 'GET /v4/default/registry/microservices', fromServiceWorker: true },
        { call: 'POST /v4/default/registry/microservices', fromServiceWorker: true },
        {
          call: expect.stringMatching(
            /^POST \/v4\/default\/registry\/microservices\/\w+\/instances$/,
          ),
          fromServiceWorker: true,
        },
        { call: 'GET /v4/default/registry/instances', fromServiceWorker: true },
        { call: 'GET /__cse-mock/requests', fromServiceWorker: true },
      ]),
    )
    expect(calls.filter((entry) => !entry.fromServiceWorker)).toEqual([])
    // The only server on that origin serves static files and never saw a mocked path.
    expect(server?.mockedPathRequests).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
