import { readFileSync } from 'node:fs'
import { copyFile, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { defineCommand } from '../command.ts'
import { CliUsageError } from '../usage-error.ts'

const WORKER_FILE = 'mockServiceWorker.js'

/**
 * `cse-mock init <publicDir>`: copies msw's service worker script from the project's own msw
 * into the folder the web server serves as-is, as `msw init` does, so `cse-mock/browser` finds
 * it at `/mockServiceWorker.js`.
 * @example
 * const code = await initCommand.run(['public'], processIo)
 */
export const initCommand = defineCommand({
  name: 'init',
  summary: "Copy msw's mockServiceWorker.js into a public folder: cse-mock init <publicDir>",
  flags: [],
  async run(argv, io) {
    const folder = readFolderArgument(argv)
    const target = resolve(folder)
    const kind = await stat(target).then(
      (stats) => (stats.isDirectory() ? 'folder' : 'file'),
      () => 'missing',
    )
    if (kind === 'missing') {
      throw new CliUsageError(
        `the folder '${folder}' does not exist; create it first, or pass the folder your web server serves as-is (public/, static/, …)`,
      )
    }
    if (kind === 'file') {
      throw new CliUsageError(`'${folder}' is a file; pass the folder your web server serves as-is`)
    }
    const msw = findMsw()
    if (!msw) {
      io.err("cse-mock init: msw is not installed here; run 'npm install --save-dev msw' first.")
      return 1
    }
    const destination = join(target, WORKER_FILE)
    await copyFile(msw.worker, destination)
    io.out(`cse-mock init: copied ${WORKER_FILE} of msw ${msw.version} to ${destination}`)
    io.out('Run it again after each msw upgrade: msw checks that the script matches its version.')
    return 0
  },
})

function readFolderArgument(argv: readonly string[]): string {
  const unknown = argv.find((arg) => arg.startsWith('-'))
  if (unknown) throw new CliUsageError(`unknown flag '${unknown}'; init takes only a folder`)
  if (argv.length !== 1) {
    throw new CliUsageError(
      `expected one folder (where the web server serves static files from), got ${argv.length} arguments`,
    )
  }
  return argv[0]!
}

/** The user's own msw first (resolved from the working folder), then the one next to cse-mock. */
function findMsw(): { worker: string; version: string } | undefined {
  const origins = [join(process.cwd(), 'package.json'), import.meta.url]
  for (const origin of origins) {
    const require = createRequire(origin)
    try {
      const worker = require.resolve(`msw/${WORKER_FILE}`)
      const manifest = require.resolve('msw/package.json')
      return { worker, version: versionOf(manifest) }
    } catch {}
  }
  return undefined
}

function versionOf(manifest: string): string {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
  } catch {
    return '(unknown version)'
  }
}
