import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { getResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createControlHandlers } from '../../src/control/index.ts'
import { createCseMock } from '../../src/mock.ts'
import { inspectorRoutes } from '../../src/server/inspector-route.ts'

const ORIGIN = 'http://127.0.0.1:30100'

async function handlersFor(files: Record<string, string>) {
  const dir = await mkdtemp(join(tmpdir(), 'cse-mock-inspector-'))
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text)
  const mock = await createCseMock()
  return createControlHandlers(mock, '*', inspectorRoutes(pathToFileURL(`${dir}/`)))
}

async function get(handlers: Awaited<ReturnType<typeof handlersFor>>, path: string) {
  const response = await getResponse(handlers, new Request(`${ORIGIN}${path}`))
  if (!response) throw new Error(`no handler answered ${path}`)
  return response
}

describe('the inspector page route', () => {
  it('serves index.html at /__cse-mock/ui and the built files beside it, with their types', async () => {
    const handlers = await handlersFor({
      'index.html': '<!doctype html><title>x</title>',
      'index-abc.js': 'export {}',
      'index-abc.css': 'body{}',
    })
    const page = await get(handlers, '/__cse-mock/ui')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=UTF-8')
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(await page.text()).toContain('<title>x</title>')
    const script = await get(handlers, '/__cse-mock/ui/index-abc.js')
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=UTF-8')
    expect(await script.text()).toBe('export {}')
    const style = await get(handlers, '/__cse-mock/ui/index-abc.css')
    expect(style.headers.get('content-type')).toBe('text/css; charset=UTF-8')
  })

  it('answers 404 for files it does not have, and for names outside its folder', async () => {
    const handlers = await handlersFor({ 'index.html': '<!doctype html>' })
    for (const path of ['/__cse-mock/ui/missing.js', '/__cse-mock/ui/..%2Fpackage.json']) {
      const response = await get(handlers, path)
      expect(response.status, path).toBe(404)
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND')
    }
  })

  it('answers 503 INSPECTOR_NOT_BUILT when the page was never built', async () => {
    const handlers = await handlersFor({})
    const response = await get(handlers, '/__cse-mock/ui')
    expect(response.status).toBe(503)
    expect(await response.json()).toEqual({
      error: {
        code: 'INSPECTOR_NOT_BUILT',
        message: expect.stringContaining('npm run build:inspector'),
      },
    })
  })
})
