import { defineCommand } from '../command.ts'
import { IMPORT_FLAGS } from './import-flags.ts'

/**
 * `cse-mock import`: reads a live registry (read-only, rate-bounded) into a snapshot that
 * `serve --fixture` loads; exit code 0 when written, 1 when the registry could not be read,
 * 2 on bad flags.
 * @example
 * const code = await importCommand.run(['--endpoint', 'http://127.0.0.1:30100', '--out', 'live.json'], processIo)
 */
export const importCommand = defineCommand({
  name: 'import',
  summary: 'Read a live registry into a fixture snapshot, redacted, without writing to it',
  flags: IMPORT_FLAGS,
  async run(argv, io) {
    const { runImport } = await import('./import-run.ts')
    return runImport(argv, io)
  },
})
