// Copies the README's Node and vitest examples, verbatim, into test files of this project, so
// the consumer test runs exactly what the README shows. Usage: node extract-readme.mjs README.md out/
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const [readmePath, outDir] = process.argv.slice(2)
const readme = readFileSync(readmePath, 'utf8')
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1])
const wanted = {
  'cse-mock/node': 'readme-node.test.ts',
  'cse-mock/vitest': 'readme-vitest.test.ts',
}
mkdirSync(outDir, { recursive: true })
for (const [entry, file] of Object.entries(wanted)) {
  const block = blocks.find(
    (text) => text.includes(`from '${entry}'`) && text.includes("from 'vitest'"),
  )
  if (!block) throw new Error(`README.md has no vitest example importing '${entry}'`)
  writeFileSync(join(outDir, file), block)
  console.log(`${file}: ${block.split('\n').length - 1} lines from README.md`)
}
