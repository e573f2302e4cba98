/**
 * Fails (exit code 1) when the checked-in generated files no longer match the spec.
 * Run with `npm run check:generated`.
 */
import { readFile } from 'node:fs/promises'
import { CONTROL_SPEC_FILE, renderGenerated, SPEC_FILE } from './generate.ts'

const root = new URL('..', import.meta.url)
const stale: string[] = []
for (const file of await renderGenerated(root)) {
  const current = await readFile(new URL(file.path, root), 'utf8').catch(() => undefined)
  if (current !== file.content) stale.push(file.path)
}

if (stale.length > 0) {
  console.error(
    `Generated files are stale: ${stale.join(', ')} ${stale.length === 1 ? 'does' : 'do'} not match ${SPEC_FILE}. Run \`npm run generate\` and commit the result.`,
  )
  process.exit(1)
}
console.log(`Generated files match ${SPEC_FILE} and ${CONTROL_SPEC_FILE}.`)
