/**
 * `npm run bench:inspector [-- --instances N]`: how fast the inspector draws a large registry.
 * Seeds a standalone server with N instances (default 10,000, over N/10 services), opens
 * `/__cse-mock/ui` in headless Chromium and prints, from the page's own clock: the time to the
 * first drawn rows, the part of it after the registry view arrived (parse + render), the frame
 * times while the list is scrolled from top to bottom, and how long a registration made
 * meanwhile takes to show. Numbers only: nothing here passes or fails.
 */
import { cpus, loadavg } from 'node:os'
import { buildInspector } from '../scripts/build-inspector.ts'
import { seedOptionsFromFlags } from '../src/cli/seed-flags.ts'
import { startCseMockServer } from '../src/server/index.ts'
import { launchChromium } from '../test/browser/chromium.ts'

const flag = process.argv.indexOf('--instances')
const instances = flag > 0 ? Number(process.argv[flag + 1]) : 10_000
const services = Math.max(1, Math.round(instances / 10))

await buildInspector({ quiet: true })
const seed = seedOptionsFromFlags({ seed: 7, services, instances })
const server = await startCseMockServer({ port: 0, ...(seed ? { seed } : {}) })
const browser = await launchChromium()
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  // Records, on the page's clock, when the first instance row is in the DOM.
  await page.addInitScript(() => {
    const mark = () => {
      if (document.querySelector('[data-instance-id]')) {
        performance.mark('first-rows')
        observer.disconnect()
      }
    }
    const observer = new MutationObserver(mark)
    observer.observe(document, { childList: true, subtree: true })
  })
  await page.goto(`${server.url}/__cse-mock/ui`)
  await page.waitForSelector('[data-instance-id]', { timeout: 60_000 })
  const load = await page.evaluate(() => {
    const rows = performance.getEntriesByName('first-rows')[0]?.startTime ?? Number.NaN
    const view = performance
      .getEntriesByType('resource')
      .find((entry) => entry.name.endsWith('/__cse-mock/registry')) as
      | PerformanceResourceTiming
      | undefined
    return {
      firstRowsMs: rows,
      afterViewMs: view ? rows - view.responseEnd : Number.NaN,
      viewBytes: view?.decodedBodySize ?? 0,
      drawnRows: document.querySelectorAll('.cm-vrow').length,
    }
  })

  // Scroll the list top to bottom in 3 s, one step per frame, and keep every frame's length.
  const scrollOnce = () =>
    page.evaluate(async () => {
      const list = document.querySelector('.cm-vlist') as HTMLElement
      const total = list.scrollHeight - list.clientHeight
      const frames: number[] = []
      await new Promise<void>((resolve) => {
        let started = 0
        let last = 0
        const step = (time: number) => {
          if (!started) started = time
          else frames.push(time - last)
          last = time
          const progress = Math.min(1, (time - started) / 3000)
          list.scrollTop = progress * total
          if (progress < 1) requestAnimationFrame(step)
          else resolve()
        }
        requestAnimationFrame(step)
      })
      frames.sort((a, b) => a - b)
      const at = (q: number) => frames[Math.min(frames.length - 1, Math.floor(q * frames.length))]!
      return {
        scrolledPx: total,
        frames: frames.length,
        p50: at(0.5),
        p95: at(0.95),
        max: frames[frames.length - 1]!,
        over50ms: frames.filter((f) => f > 50).length,
      }
    })
  const cold = await scrollOnce()
  const scroll = await scrollOnce()

  // A registration while ten thousand instances are shown: until its row is drawn.
  await page.fill('input[aria-label="Search the registry"]', 'bench-live-1')
  const started = performance.now()
  const created = await fetch(`${server.url}/v4/default/registry/microservices`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      service: { appId: 'bench', serviceName: 'bench-live', version: '1.0.0' },
    }),
  })
  const { serviceId } = (await created.json()) as { serviceId: string }
  await fetch(`${server.url}/v4/default/registry/microservices/${serviceId}/instances`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      instance: { hostName: 'bench-live-1', endpoints: ['rest://10.9.9.9:1'] },
    }),
  })
  await page.waitForSelector('[data-instance-id]:has-text("bench-live-1")', { timeout: 30_000 })
  const liveMs = performance.now() - started

  // Heartbeats at 300 a second (10,000 instances every 33 s) for 6 s: how often the page reads
  // the view again, and how scrolling feels meanwhile.
  await page.fill('input[aria-label="Search the registry"]', '')
  const targets = server.mock.registry
    .inspect()
    .tenants.flatMap((tenant) =>
      tenant.services.flatMap((entry) =>
        entry.instances.map((i) => `${entry.service.serviceId}/instances/${i.instanceId}`),
      ),
    )
  const viewReads = () =>
    page.evaluate(
      () =>
        performance
          .getEntriesByType('resource')
          .filter((entry) => entry.name.endsWith('/__cse-mock/registry')).length,
    )
  const readsBefore = await viewReads()
  let beating = true
  let beats = 0
  const heartbeats = (async () => {
    while (beating) {
      const batch = Array.from({ length: 30 }, () => targets[beats++ % targets.length])
      await Promise.all(
        batch.map((path) =>
          fetch(`${server.url}/v4/default/registry/microservices/${path}/heartbeat`, {
            method: 'PUT',
          }).then((response) => response.arrayBuffer()),
        ),
      )
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  })()
  const beatStarted = performance.now()
  const underLoad = await scrollOnce()
  await new Promise((resolve) => setTimeout(resolve, 3000))
  beating = false
  await heartbeats
  const beatSeconds = (performance.now() - beatStarted) / 1000
  const reads = (await viewReads()) - readsBefore

  const counts = server.mock.registry.stats()
  const ms = (value: number) => `${value.toFixed(1)} ms`
  const lines = [
    `load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')} on ${cpus().length} cores`,
    `inspector bench: ${counts.services.toLocaleString('en-US')} services, ${counts.instances.toLocaleString('en-US')} instances (${(load.viewBytes / 1e6).toFixed(1)} MB registry view)`,
    '',
    '| measure | value |',
    '| --- | --- |',
    `| navigation start → first rows drawn | ${ms(load.firstRowsMs)} |`,
    `| registry view received → first rows drawn (parse + render) | ${ms(load.afterViewMs)} |`,
    `| rows in the DOM (virtualised) | ${load.drawnRows} |`,
    `| scroll top → bottom (${scroll.scrolledPx.toLocaleString('en-US')} px in 3 s): frames, first / second pass | ${cold.frames} / ${scroll.frames} |`,
    `| frame time p50 / p95 / max, first pass | ${ms(cold.p50)} / ${ms(cold.p95)} / ${ms(cold.max)} |`,
    `| frame time p50 / p95 / max, second pass | ${ms(scroll.p50)} / ${ms(scroll.p95)} / ${ms(scroll.max)} |`,
    `| frames over 50 ms, first / second pass | ${cold.over50ms} / ${scroll.over50ms} |`,
    `| registration from Node → its row drawn | ${ms(liveMs)} |`,
    `| under ${Math.round(beats / beatSeconds)} heartbeats/s for ${beatSeconds.toFixed(1)} s: registry view reads | ${reads} |`,
    `| under heartbeats: frame time p50 / p95 / max | ${ms(underLoad.p50)} / ${ms(underLoad.p95)} / ${ms(underLoad.max)} |`,
  ]
  process.stdout.write(`${lines.join('\n')}\n`)
} finally {
  await browser.close()
  await server.close()
}
