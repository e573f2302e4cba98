import { defineConfig } from 'vitest/config'

// One project per environment, so `vitest run --project server` (etc.) runs one of them.
export default defineConfig({
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
