import { readFileSync } from 'node:fs'

// Read at run time rather than imported: package.json sits outside the compiled tree, and
// `src/cli/` and `dist/cli/` are both two folders below it.
const packageJson = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { version: string }

/**
 * The package version `cse-mock --version` prints.
 * @example
 * CLI_VERSION // '0.1.0'
 */
export const CLI_VERSION: string = packageJson.version
