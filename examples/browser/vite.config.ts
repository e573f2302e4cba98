import { fileURLToPath } from 'node:url'
import { msw } from 'msw/vite'
import { defineConfig } from 'vite'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

// Vite serves `mockServiceWorker.js` from msw's own package during `vite` and emits it next to
// the bundle on `vite build`, so the worker script always matches the installed msw version.
// `worker-only`: the page starts the worker itself through `cse-mock/browser`.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [msw({ mode: 'worker-only' })],
  server: { fs: { allow: [repoRoot] } },
  // faker's English data makes one large chunk; fine for a page that only runs the mock.
  build: { target: 'es2023', chunkSizeWarningLimit: 2048 },
})
