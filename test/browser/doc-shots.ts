import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * Where the browser tests save the screenshots docs/inspector.md shows: docs/inspector/ when
 * `CSE_MOCK_DOC_SHOTS=1` asks to refresh them, otherwise .tmp/inspector/, so that a test run
 * never changes tracked files.
 * @example
 * await page.screenshot({ path: docShot('registry.png') })
 */
export function docShot(name: string): string {
  const dir =
    process.env.CSE_MOCK_DOC_SHOTS === '1' ? '../../docs/inspector/' : '../../.tmp/inspector/'
  const path = fileURLToPath(new URL(dir, import.meta.url))
  mkdirSync(path, { recursive: true })
  return `${path}${name}`
}
