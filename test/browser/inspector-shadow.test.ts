import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CseMockServer, startCseMockServer } from '../../src/server/index.ts'
import { shadowInspectorObserver } from '../../src/shadow/inspector-observer.ts'
import type { ShadowObserver, ShadowRecord } from '../../src/shadow/shadow-record.ts'
import { launchChromium } from './chromium.ts'
import { docShot } from './doc-shots.ts'

let server: CseMockServer
let browser: Browser | undefined
let early: Page
let observer: ShadowObserver | undefined
const pageErrors: string[] = []

const knownCase = {
  kind: 'header-case',
  where: 'X-Resource-Revision',
  left: 'X-Resource-Revision',
  right: 'x-resource-revision',
  label: 'profile',
  reason: 'the cse profile spells header names in lower case',
} as const

function record(seq: number, fields: Partial<ShadowRecord>): ShadowRecord {
  return {
    seq,
    at: new Date(Date.UTC(2026, 11, 2, 3, 0, seq)).toISOString(),
    operation: 'getService',
    method: 'GET',
    path: '/v4/default/registry/microservices/0f3c',
    liveStatus: 200,
    mockStatus: 200,
    liveMs: 4.2,
    differences: [],
    ...fields,
  }
}

const find = (seq: number, extra: ShadowRecord['differences'] = []) =>
  record(seq, {
    operation: 'findInstances',
    path: '/v4/default/registry/instances?appId=shop&serviceName=orders&version=latest',
    differences: [knownCase, ...extra],
  })

async function openPage(): Promise<Page> {
  const page = await browser!.newPage({ viewport: { width: 1360, height: 820 } })
  page.setDefaultTimeout(10_000)
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await page.goto(`${server.url}/__cse-mock/ui`)
  await page.waitForSelector('[data-testid="live"]:text("live")')
  return page
}

async function total(page: Page, row: string, label = 'unlabelled'): Promise<string | null> {
  return page.locator(`[data-total="${row}"][data-label="${label}"] .cm-shadow-count`).textContent()
}

beforeAll(async () => {
  server = await startCseMockServer({ port: 0, seed: 42 })
  browser = await launchChromium()
})

afterAll(async () => {
  await observer?.close?.()
  await browser?.close()
  await server?.close()
})

describe('the Shadow view of the inspector, in Chromium', () => {
  it('appears when a shadow session starts on the server', async () => {
    early = await openPage()
    expect(await early.locator('[data-tab="shadow"]').count()).toBe(0)
    observer = shadowInspectorObserver(server.mock, {
      live: 'https://admin:pa55word@cse.example:30100',
    })
    await early.locator('[data-tab="shadow"]').waitFor()
  })

  it('shows a page opened late the totals and records made before it', async () => {
    observer!.record(record(1, {}))
    observer!.record(find(2))
    observer!.record(
      record(3, {
        operation: 'createService',
        method: 'POST',
        path: '/v4/default/registry/microservices',
        mockStatus: 400,
        differences: [
          { kind: 'status', where: '', left: '200', right: '400' },
          { kind: 'body-shape', where: '$.serviceId', left: '"0f3c"', right: 'absent' },
        ],
      }),
    )
    const late = await openPage()
    await late.click('[data-tab="shadow"]')
    await late.waitForSelector('[data-testid="shadow-summary"]')
    expect(await late.textContent('[data-testid="shadow-counts"]')).toBe(
      '3 compared · 2 differ · 1 unexpected',
    )
    expect(await total(late, 'findInstances header-case X-Resource-Revision', 'profile')).toBe('1')
    expect(await total(late, 'createService status ')).toBe('1')
    expect(await total(late, 'createService body-shape $.serviceId')).toBe('1')
    expect(await late.textContent('.cm-app')).not.toContain('pa55word')
    expect(await late.textContent('[data-testid="shadow-summary"]')).toContain(
      'https://cse.example:30100',
    )
    await late.close()
  })

  it('adds records as they come, newest first, and narrows them to the unexpected ones', async () => {
    await early.click('[data-tab="shadow"]')
    await early.waitForSelector('[data-testid="shadow-counts"]:text("3 compared")')
    // From here on the page adds what the feed carries; it does not read the session again.
    let reads = 0
    early.on('request', (request) => {
      if (new URL(request.url()).pathname === '/__cse-mock/shadow') reads++
    })
    observer!.record(record(4, { operation: 'heartbeat', method: 'PUT', path: '/v4/x/hb' }))
    observer!.record(
      find(5, [
        { kind: 'body-value', where: '$.instances[].status', left: '"UP"', right: '"DOWN"' },
      ]),
    )
    await early.waitForSelector(
      '[data-testid="shadow-counts"]:text("5 compared · 3 differ · 2 unexpected")',
    )
    expect(await total(early, 'findInstances header-case X-Resource-Revision', 'profile')).toBe('2')
    expect(await total(early, 'findInstances body-value $.instances[].status')).toBe('1')
    expect(await early.textContent('[data-tab="shadow"] .cm-badge')).toBe('2')
    expect(reads).toBe(0)
    const rows = early.locator('[data-testid="shadow-list"] [data-seq]')
    expect(
      await rows.evaluateAll((list) => list.map((row) => row.getAttribute('data-seq'))),
    ).toEqual(['5', '4', '3', '2', '1'])
    await early.selectOption('select[aria-label="Show"]', 'unlabelled')
    await early.waitForFunction(
      () => document.querySelectorAll('[data-testid="shadow-list"] [data-seq]').length === 2,
    )
    expect(
      await rows.evaluateAll((list) => list.map((row) => row.getAttribute('data-seq'))),
    ).toEqual(['5', '3'])
    await early.selectOption('select[aria-label="Shadow operation"]', 'findInstances')
    await early.waitForFunction(
      () => document.querySelectorAll('[data-testid="shadow-list"] [data-seq]').length === 1,
    )
  })

  it('shows each difference of a record: where, live value, mock value, label and reason', async () => {
    await early.click('[data-testid="shadow-list"] [data-seq="5"]')
    const detail = early.locator('[data-testid="shadow-detail"]')
    await detail.waitFor()
    const known = detail.locator('[data-where="X-Resource-Revision"]')
    expect(await known.locator('[data-side="live"]').textContent()).toBe('X-Resource-Revision')
    expect(await known.locator('[data-side="mock"]').textContent()).toBe('x-resource-revision')
    expect(await known.locator('[data-side="label"]').textContent()).toBe(
      'profile — the cse profile spells header names in lower case',
    )
    const unexpected = detail.locator('[data-where="$.instances[].status"]')
    expect(await unexpected.getAttribute('data-kind')).toBe('body-value')
    expect(await unexpected.locator('[data-side="live"]').textContent()).toBe('"UP"')
    expect(await unexpected.locator('[data-side="mock"]').textContent()).toBe('"DOWN"')
    expect(await unexpected.locator('[data-side="label"]').textContent()).toContain('unlabelled')
    await early.selectOption('select[aria-label="Show"]', 'all')
    await early.selectOption('select[aria-label="Shadow operation"]', '')
    await early.screenshot({ path: docShot('shadow.png') })
  })

  it('says which requests read-only mode refused and which live gave no answer to', async () => {
    observer!.record(record(6, { method: 'DELETE', liveStatus: 403, mockStatus: 0, refused: true }))
    observer!.record(record(7, { liveStatus: 0, mockStatus: 0, liveError: 'connect ECONNREFUSED' }))
    await early.waitForSelector(
      '[data-testid="shadow-counts"]:text("1 refused (read-only) · 1 live unreachable")',
    )
    const rows = early.locator('[data-testid="shadow-list"]')
    expect(await rows.locator('[data-seq="6"]').textContent()).toContain('refused (read-only)')
    expect(await rows.locator('[data-seq="7"]').textContent()).toContain('live unreachable')
    await rows.locator('[data-seq="7"]').click()
    expect(await early.textContent('[data-testid="shadow-detail"]')).toContain(
      'The live registry gave no answer (connect ECONNREFUSED); the mock was not asked.',
    )
  })

  it('goes away when the session ends', async () => {
    await observer!.close?.()
    observer = undefined
    await early.locator('[data-tab="shadow"]').waitFor({ state: 'detached' })
    expect(await early.locator('[data-tab="registry"]').getAttribute('aria-selected')).toBe('true')
    await early.close()
    expect(pageErrors).toEqual([])
  })
})
