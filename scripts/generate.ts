/**
 * Generates `src/generated/openapi.json` and `src/generated/schema.ts` from the hand-written
 * spec in `spec/cse-registry.yaml`, and `src/generated/control-openapi.json` from
 * `spec/cse-mock-control.yaml`. Run with `npm run generate`.
 */
import { readFile, writeFile } from 'node:fs/promises'
import openapiTS, { astToString } from 'openapi-typescript'
import { parse } from 'yaml'

/** Spec source, relative to the package root. */
export const SPEC_FILE = 'spec/cse-registry.yaml'
/** The control API's spec, whose schemas validate control inputs at run time. */
export const CONTROL_SPEC_FILE = 'spec/cse-mock-control.yaml'

/** A generated file: where it goes and what it contains. */
export interface GeneratedFile {
  path: string
  content: string
}

const BANNER = [
  '/**',
  ` * Generated from ${SPEC_FILE} by scripts/generate.ts (npm run generate).`,
  ' * Do not edit by hand: change the spec and regenerate.',
  ' */',
  '',
].join('\n')

/**
 * Renders every generated file in memory, without writing anything.
 * @example
 * const files = await renderGenerated(new URL('..', import.meta.url))
 */
export async function renderGenerated(root: URL): Promise<GeneratedFile[]> {
  const source = await readFile(new URL(SPEC_FILE, root), 'utf8')
  const document = parse(source) as Record<string, unknown>
  const json = `${JSON.stringify(document, null, 2)}\n`
  // A deep copy keeps the object given to openapi-typescript apart from the JSON output.
  const ast = await openapiTS(JSON.parse(json), { alphabetize: false, defaultNonNullable: false })
  const types = `${BANNER}\n${astToString(ast)}`
  const control = parse(await readFile(new URL(CONTROL_SPEC_FILE, root), 'utf8')) as unknown
  return [
    { path: 'src/generated/openapi.json', content: json },
    { path: 'src/generated/schema.ts', content: types },
    {
      path: 'src/generated/control-openapi.json',
      content: `${JSON.stringify(control, null, 2)}\n`,
    },
  ]
}

async function main(): Promise<void> {
  const root = new URL('..', import.meta.url)
  for (const file of await renderGenerated(root)) {
    await writeFile(new URL(file.path, root), file.content)
    console.log(`wrote ${file.path}`)
  }
}

if (import.meta.main) {
  await main()
}
