/**
 * Builds the inspector into `dist/inspector/`: the page the standalone server serves at
 * `/__cse-mock/ui` (index.html plus hashed scripts and styles) and `panel.js`, the module the
 * page under test loads to embed it. Everything is bundled, so it works offline. Run with
 * `npm run build:inspector`.
 */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { build, type InlineConfig } from 'vite'
import { parse } from 'yaml'

const root = new URL('../', import.meta.url)
const sources = fileURLToPath(new URL('src/inspector/', root))
const outDir = fileURLToPath(new URL('dist/inspector/', root))

/** Builds both bundles; resolves once they are written. */
export async function buildInspector(options: { quiet?: boolean } = {}): Promise<void> {
  const spec = parse(await readFile(new URL('spec/cse-registry.yaml', root), 'utf8')) as {
    paths: Record<string, Record<string, { operationId?: string }>>
  }
  const operations = Object.values(spec.paths)
    .flatMap((methods) => Object.values(methods).map((operation) => operation.operationId))
    .filter((id): id is string => typeof id === 'string')
    .sort()
  const shared: InlineConfig = {
    configFile: false,
    root: sources,
    logLevel: options.quiet ? 'warn' : 'info',
    define: { __CSE_MOCK_OPERATIONS__: JSON.stringify(operations) },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }
  await build({
    ...shared,
    base: '/__cse-mock/ui/',
    build: {
      outDir,
      emptyOutDir: true,
      assetsDir: '',
      target: 'es2022',
      reportCompressedSize: false,
    },
  })
  await build({
    ...shared,
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      reportCompressedSize: false,
      minify: true,
      lib: { entry: 'panel.tsx', formats: ['es'], fileName: () => 'panel.js' },
    },
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildInspector()
}
