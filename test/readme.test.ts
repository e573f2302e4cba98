import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { profileTable } from '../src/registry/profile-table.ts'

const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8')

describe('README', () => {
  it('shows the Node example exactly as the file that runs in the suite', async () => {
    const example = await readFile(
      new URL('../examples/node/quick-start.test.ts', import.meta.url),
      'utf8',
    )
    expect(readme).toContain(`\`\`\`ts\n${example}\`\`\``)
  })

  it('lists every profile difference the registry implements', () => {
    expect(readme).toContain(profileTable())
  })
})
