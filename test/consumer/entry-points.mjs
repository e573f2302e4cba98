// Checks docs/entry-points.md against the installed package: every listed value is a runtime
// export of its entry, every runtime export is listed, every listed type is exported by the
// entry's declarations. Usage: node entry-points.mjs path/to/entry-points.md
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const doc = readFileSync(process.argv[2], 'utf8')
const names = (line) => [...(line ?? '').matchAll(/`([\w$]+)`/g)].map((match) => match[1])
const sections = [...doc.matchAll(/^## `(cse-mock[\w/]*)`\n([\s\S]*?)(?=^## )/gm)].map(
  ([, entry, body]) => ({
    entry,
    values: names(/^- Values: (.*)$/m.exec(body)?.[1]),
    types: names(/^- Types: (.*)$/m.exec(body)?.[1]),
  }),
)
if (sections.length !== 7)
  throw new Error(`expected 7 entry sections in the doc, found ${sections.length}`)

const manifest = createRequire(import.meta.url).resolve('cse-mock/package.json')
const pkg = JSON.parse(readFileSync(manifest, 'utf8'))
const problems = []
for (const { entry, values, types } of sections) {
  const conditions = pkg.exports[entry.replace(/^cse-mock/, '.')]
  if (!conditions?.types) {
    problems.push(`${entry}: not in package.json exports with a types condition`)
    continue
  }
  const declarations = readFileSync(join(dirname(manifest), conditions.types), 'utf8')
  const exportsName = (name) =>
    new RegExp(
      `export (declare )?(abstract )?(const|function|class|interface|type) ${name}\\b`,
    ).test(declarations) ||
    [...declarations.matchAll(/export (type )?\{([^}]*)\}/g)].some(([, , list]) =>
      list.split(',').some(
        (item) =>
          item
            .trim()
            .replace(/^type /, '')
            .split(/ as /)
            .pop()
            .trim() === name,
      ),
    )
  // cse-mock/browser resolves to nothing in Node by design: its declarations stand in.
  const runtime = entry === 'cse-mock/browser' ? undefined : Object.keys(await import(entry))
  for (const name of values) {
    if (runtime ? !runtime.includes(name) : !exportsName(name))
      problems.push(`${entry}: value ${name} is not exported`)
  }
  for (const name of runtime ?? []) {
    if (!values.includes(name))
      problems.push(`${entry}: exports ${name}, which the doc does not list`)
  }
  for (const name of types) {
    if (!exportsName(name))
      problems.push(`${entry}: type ${name} is not exported by ${conditions.types}`)
  }
  console.log(`${entry}: ${values.length} values, ${types.length} types, as listed`)
}
if (problems.length > 0) {
  console.error(problems.join('\n'))
  process.exit(1)
}
