import { readFile } from 'node:fs/promises'
import { CONTROL_PREFIX, type ControlRoute } from '../control/index.ts'
import { ControlError } from '../control/respond.ts'

/** Where `npm run build:inspector` writes the page: `dist/inspector/` of the package. */
const ASSETS = new URL('../../dist/inspector/', import.meta.url)

const TYPES: Record<string, string> = {
  html: 'text/html; charset=UTF-8',
  js: 'text/javascript; charset=UTF-8',
  css: 'text/css; charset=UTF-8',
  svg: 'image/svg+xml',
  map: 'application/json; charset=UTF-8',
}

/**
 * The inspector page of the standalone server, `GET /__cse-mock/ui` and its files, read from
 * the built `dist/inspector/` once and kept in memory. As control routes they stand behind
 * whatever guards the control API.
 * @example
 * createControlHandlers(mock, '*', inspectorRoutes())
 */
export function inspectorRoutes(assets: URL = ASSETS): ControlRoute[] {
  const cache = new Map<string, Promise<Uint8Array>>()
  const serve = async (name: string): Promise<Response> => {
    const type = TYPES[name.slice(name.lastIndexOf('.') + 1)]
    if (!type || !/^[\w-]+(\.[\w-]+)+$/.test(name)) throw notFound(name)
    let bytes = cache.get(name)
    if (!bytes) {
      bytes = readFile(new URL(name, assets))
      cache.set(name, bytes)
    }
    try {
      return new Response(new Uint8Array(await bytes), {
        status: 200,
        headers: {
          'Content-Type': type,
          'Cache-Control': 'no-cache',
          'X-Content-Type-Options': 'nosniff',
          ...(type.startsWith('text/html') ? { 'Content-Security-Policy': PAGE_POLICY } : {}),
        },
      })
    } catch (error) {
      cache.delete(name)
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      if (name === 'index.html') {
        throw new ControlError(
          503,
          'INSPECTOR_NOT_BUILT',
          'The inspector page is not built in this copy of cse-mock. Run npm run build:inspector and restart the server.',
        )
      }
      throw notFound(name)
    }
  }
  const page = () => serve('index.html')
  return [
    { operationId: 'getInspectorPage', method: 'get', path: '/ui', handle: page },
    { operationId: 'getInspectorPage', method: 'get', path: '/ui/', handle: page },
    {
      operationId: 'getInspectorFile',
      method: 'get',
      path: '/ui/:file',
      handle: ({ params }) => serve(params.file ?? ''),
    },
  ]
}

/** The page talks only to its own origin: no CDN, no outside fetch, no framing by others. */
const PAGE_POLICY =
  "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'self'"

function notFound(name: string): ControlError {
  return new ControlError(
    404,
    'NOT_FOUND',
    `${CONTROL_PREFIX}/ui/${name} is not a file of the inspector.`,
  )
}
