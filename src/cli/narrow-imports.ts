import { readFileSync } from 'node:fs'
import * as nodeModule from 'node:module'
import { fileURLToPath } from 'node:url'

/**
 * The es-toolkit functions `@msw/data` imports, by the barrel it imports them from, with the
 * module that holds each one and the name it exports it under there.
 */
const NARROWED: Record<string, Record<string, [module: string, exported: string]>> = {
  'es-toolkit/compat': {
    get: ['es-toolkit/compat/get', 'default'],
    set: ['es-toolkit/compat/set', 'default'],
    unset: ['es-toolkit/compat/unset', 'default'],
  },
  'es-toolkit': {
    isEqual: ['es-toolkit/predicate/isEqual', 'isEqual'],
    isPlainObject: ['es-toolkit/predicate/isPlainObject', 'isPlainObject'],
  },
}

const IMPORTER = '/node_modules/@msw/data/'

/**
 * Makes the CLI start faster: `@msw/data` imports five functions from es-toolkit's barrels,
 * which load about 550 modules (some 120 ms of a 450 ms start). For that importer only, each
 * barrel resolves to a module that re-exports just those functions from their own files. The
 * importer's source is read first: if it imports anything else from the barrel (a newer
 * `@msw/data`), the barrel resolves as usual. Every other import is untouched.
 * @example
 * await import('./narrow-imports.ts') // before the CLI's own imports
 */
export function narrowImports(): void {
  // Synchronous module hooks came with Node 22.15 and 23.5; on 22.12 to 22.14 the CLI starts
  // without the shortcut.
  const { registerHooks } = nodeModule as Partial<typeof nodeModule>
  if (typeof registerHooks !== 'function') return
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const names = NARROWED[specifier]
      const parent = context.parentURL
      if (!names || !parent?.includes(IMPORTER) || !importsOnly(parent, specifier, names)) {
        return nextResolve(specifier, context)
      }
      const lines = Object.entries(names).map(([name, [module, exported]]) => {
        const { url } = nextResolve(module, context)
        return `export { ${exported === name ? name : `${exported} as ${name}`} } from ${JSON.stringify(url)}`
      })
      return {
        url: `data:text/javascript,${encodeURIComponent(lines.join('\n'))}`,
        shortCircuit: true,
      }
    },
  })
}

/** Whether every import of `specifier` in the module at `url` names only `names`. */
function importsOnly(url: string, specifier: string, names: Record<string, unknown>): boolean {
  let source: string
  try {
    source = readFileSync(fileURLToPath(url), 'utf8')
  } catch {
    return false
  }
  const quoted = JSON.stringify(specifier)
  const imports = [...source.matchAll(/import\s*\{([^}]*)\}\s*from\s*("[^"]*"|'[^']*')/g)].filter(
    ([, , from]) => from?.slice(1, -1) === specifier,
  )
  if (imports.length === 0 || (source.includes(`* as`) && source.includes(quoted))) return false
  return imports.every(([, list]) =>
    (list ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '')
      .every((name) => Object.hasOwn(names, name)),
  )
}
