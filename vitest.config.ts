import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const source = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url))

// The package's exports point at dist/; tests and examples import `cse-mock/...` by name and
// must run the sources, so a fresh clone needs no build and a stale build is never tested.
const SELF_IMPORTS = {
  'cse-mock/node': source('node.ts'),
  'cse-mock/browser': source('browser.ts'),
  'cse-mock/server': source('server/index.ts'),
  'cse-mock/vitest': source('vitest.ts'),
  'cse-mock/client': source('client.ts'),
  'cse-mock/contract': source('contract/index.ts'),
}

// One project per environment, so `vitest run --project server` (etc.) runs one of them.
export default defineConfig({
  resolve: {
    alias: [
      ...Object.entries(SELF_IMPORTS).map(([find, replacement]) => ({ find, replacement })),
      { find: /^cse-mock$/, replacement: source('index.ts') },
    ],
  },
  test: {
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'examples/node/**/*.test.ts'],
          exclude: ['test/browser/**', 'test/server/**', 'test/contract/**', 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: { name: 'server', include: ['test/server/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'contract', include: ['test/contract/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          // Builds dist/inspector/ first: a fresh clone has none.
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
