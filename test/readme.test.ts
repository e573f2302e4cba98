import { readdir, readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { profileTable } from '../src/registry/profile-table.ts'

const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8')
const examplesDir = new URL('../examples/node/', import.meta.url)
const examples = (await readdir(examplesDir)).filter((name) => name.endsWith('.test.ts'))

describe('README', () => {
  it.each(examples)('shows %s exactly as the file that runs in the suite', async (name) => {
    const example = await readFile(new URL(name, examplesDir), 'utf8')
    expect(readme).toContain(`\`\`\`ts\n${example}\`\`\``)
  })

  it('lists every profile difference the registry implements', () => {
    expect(readme).toContain(profileTable())
  })
})
