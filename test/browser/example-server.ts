import { isBuiltin } from 'node:module'
import { fileURLToPath } from 'node:url'
import { build, type PreviewServer, preview } from 'vite'

const exampleRoot = fileURLToPath(new URL('../../examples/browser/', import.meta.url))
const configFile = `${exampleRoot}vite.config.ts`
const outDir = fileURLToPath(new URL('../../.tmp/browser-example/', import.meta.url))

/** The built example, served on loopback. */
export interface ExampleServer {
  /** Origin with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  readonly url: string
  /** Node built-ins the page's bundle tried to import (`specifier ← importer`); must stay empty. */
  readonly nodeImports: readonly string[]
  /** Requests for `/v4/…` or `/__cse-mock/…` that reached the server; the mock should leave none. */
  readonly mockedPathRequests: readonly string[]
  close(): Promise<void>
}

/**
 * Builds `examples/browser` with Vite and serves the build on 127.0.0.1 and a free port.
 * @example
 * const server = await startExampleServer()
 * await page.goto(server.url)
 */
export async function startExampleServer(): Promise<ExampleServer> {
  const nodeImports: string[] = []
  await build({
    configFile,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
    plugins: [
      {
        name: 'record-node-imports',
        enforce: 'pre',
        resolveId(source, importer) {
          if (isBuiltin(source)) nodeImports.push(`${source} ← ${importer ?? '?'}`)
          return null
        },
      },
    ],
  })
  const mockedPathRequests: string[] = []
  const server: PreviewServer = await preview({
    configFile,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true },
    plugins: [
      {
        name: 'record-registry-requests',
        configurePreviewServer(previewServer) {
          previewServer.middlewares.use((request, _response, next) => {
            const url = request.url ?? ''
            if (/^\/(v4|__cse-mock)\//.test(url)) mockedPathRequests.push(url)
            next()
          })
        },
      },
    ],
  })
  const address = server.httpServer.address()
  if (address === null || typeof address === 'string') {
    await server.close()
    throw new Error('Failed to start the example server: it did not bind a TCP port.')
  }
  return {
    url: `http://127.0.0.1:${address.port}/`,
    nodeImports,
    mockedPathRequests,
    close: () => server.close(),
  }
}
