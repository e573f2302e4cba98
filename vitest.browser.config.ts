import { defineConfig } from 'vitest/config'

// The example page in a real Chromium: Vite builds and serves it, playwright-core drives the
// system's browser. One file, run on its own because it builds a bundle and starts a browser.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
})
