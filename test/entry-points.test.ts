import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// The consumer test checks docs/entry-points.md against the packed package; this checks it
// against the sources on every `npm test`, and that the docs name nothing users cannot import.
const root = new URL('../', import.meta.url)
const read = (path: string) => readFileSync(new URL(path, root), 'utf8')
const doc = read('docs/entry-points.md')
const ticked = (text = '') => [...text.matchAll(/`([\w$]+)`/g)].map((match) => match[1]!)
const SOURCES: Record<string, string> = {
  'cse-mock': 'src/index.ts',
  'cse-mock/node': 'src/node.ts',
  'cse-mock/browser': 'src/browser.ts',
  'cse-mock/server': 'src/server/index.ts',
  'cse-mock/vitest': 'src/vitest.ts',
  'cse-mock/client': 'src/client.ts',
  'cse-mock/contract': 'src/contract/index.ts',
}
const sections = [...doc.matchAll(/^## `(cse-mock[\w/]*)`\n([\s\S]*?)(?=^## )/gm)].map(
  ([, entry, body]) => ({
    entry: entry!,
    values: ticked(/^- Values: (.*)$/m.exec(body!)?.[1]),
    types: ticked(/^- Types: (.*)$/m.exec(body!)?.[1]),
  }),
)
const listed = new Set(sections.flatMap(({ values, types }) => [...values, ...types]))

describe('docs/entry-points.md', () => {
  it('has a section for every entry point in package.json', () => {
    const exported = Object.keys(JSON.parse(read('package.json')).exports)
      .filter((path) => !/\.(json|yaml|gz)$/.test(path))
      .map((path) => path.replace(/^\./, 'cse-mock'))
    expect(sections.map(({ entry }) => entry).sort()).toEqual(exported.sort())
  })

  it.each(sections.filter(({ entry }) => entry !== 'cse-mock/browser'))(
    '$entry exports exactly the values listed',
    async ({ entry, values }) => {
      const module = await import(/* @vite-ignore */ new URL(SOURCES[entry]!, root).href)
      expect(Object.keys(module).sort()).toEqual([...values].sort())
    },
  )

  it.each(sections)('$entry declares every type listed', ({ entry, types, values }) => {
    const source = read(SOURCES[entry]!).replace(/\/\*\*[\s\S]*?\*\//g, '')
    for (const name of [...types, ...values]) {
      expect(source, `${entry} exports ${name}`).toMatch(
        new RegExp(`export [^;]*\\b${name.replace('$', '\\$')}\\b`),
      )
    }
  })
})

describe('names in the docs', () => {
  // Internals docs (design, performance) speak of private modules on purpose.
  const userDocs = [
    'README.md',
    ...readdirSync(new URL('docs/', root))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ].filter((path) => !/design|performance/.test(path))
  const declared = new Set<string>()
  const walk = (dir: string) => {
    for (const entry of readdirSync(new URL(dir, root), { withFileTypes: true })) {
      const path = `${dir}${entry.name}`
      if (entry.isDirectory()) walk(`${path}/`)
      else if (path.endsWith('.ts')) {
        for (const match of read(path).matchAll(
          /^export (?:declare )?(?:async )?(?:const|function|class|type|interface) (\w+)/gm,
        ))
          declared.add(match[1]!)
      }
    }
  }
  walk('src/')

  it.each(userDocs)('%s names only exported API of the package', (path) => {
    // API-looking names: called (`name(`), constants, classes and types. A lowercase word in
    // backticks is usually a field or an operationId, not an import.
    const api = [...read(path).matchAll(/`(?:[\w.]+\.)?([A-Za-z_$][\w$]*)(\(|`)/g)]
      .filter(([, name, end]) => end === '(' || /^[A-Z]/.test(name!))
      .map((match) => match[1]!)
      .filter((name) => declared.has(name))
    expect([...new Set(api)].filter((name) => !listed.has(name))).toEqual([])
  })
})
