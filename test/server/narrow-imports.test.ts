import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const HOOK = fileURLToPath(new URL('../../src/cli/narrow-imports.ts', import.meta.url))
const ES_TOOLKIT = fileURLToPath(new URL('../../node_modules/es-toolkit', import.meta.url))
const MSW_DATA = fileURLToPath(new URL('../../node_modules/@msw/data', import.meta.url))

/** Runs a module in a fresh Node with the hook installed; resolves with its stdout. */
function runWithHook(entry: string): Promise<{ stdout: string; barrel: boolean }> {
  // A second hook notes whether es-toolkit's barrel of compat functions was loaded.
  const code = [
    `const { narrowImports } = await import(${JSON.stringify(HOOK)})`,
    'narrowImports()',
    "const { registerHooks } = await import('node:module')",
    "registerHooks({ load(url, context, next) { if (url.endsWith('/dist/compat/index.mjs')) process.stderr.write('BARREL') ; return next(url, context) } })",
    `await import(${JSON.stringify(entry)})`,
  ].join('\n')
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', code],
      { timeout: 20_000 },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`${error.message}\n${stderr}`))
          : resolve({ stdout, barrel: stderr.includes('BARREL') }),
    )
  })
}

describe('the CLI narrowing of es-toolkit imports', () => {
  const dirs: string[] = []
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
  })

  it('leaves @msw/data working: records are created, found, updated and deleted', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'narrow-'))
    dirs.push(dir)
    const entry = join(dir, 'collection.mjs')
    await writeFile(
      entry,
      `import { Collection } from ${JSON.stringify(`${MSW_DATA}/build/index.mjs`)}
const schema = { '~standard': { version: 1, vendor: 't', validate: (value) => ({ value }) } }
const people = new Collection({ schema })
await people.create({ name: 'a', tags: { x: 1 } })
await people.update((q) => q.where({ name: 'a' }), { data(draft) { draft.tags.x = 2 } })
const found = people.findFirst((q) => q.where({ tags: { x: 2 } }))
people.delete(found)
console.log(JSON.stringify({ found, left: people.count() }))`,
    )
    const { stdout, barrel } = await runWithHook(entry)
    expect(JSON.parse(stdout)).toEqual({ found: { name: 'a', tags: { x: 2 } }, left: 0 })
    expect(barrel).toBe(false)
  })

  it('resolves the barrel as usual for an importer that needs more than the five functions', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'narrow-'))
    dirs.push(dir)
    const pkg = join(dir, 'node_modules', '@msw', 'data')
    await mkdir(pkg, { recursive: true })
    await symlink(ES_TOOLKIT, join(dir, 'node_modules', 'es-toolkit'), 'dir')
    await writeFile(join(pkg, 'package.json'), '{"name":"@msw/data","type":"module"}')
    await writeFile(
      join(pkg, 'index.mjs'),
      `import { get, omit } from "es-toolkit/compat"
console.log(JSON.stringify({ get: get({ a: 1 }, 'a'), omit: omit({ a: 1, b: 2 }, ['a']) }))`,
    )
    const { stdout, barrel } = await runWithHook(join(pkg, 'index.mjs'))
    expect(JSON.parse(stdout)).toEqual({ get: 1, omit: { b: 2 } })
    expect(barrel).toBe(true)
  })
})
