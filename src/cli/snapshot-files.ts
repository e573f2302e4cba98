import { stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { Snapshot } from '../registry/snapshot.ts'
import { InvalidSnapshotError } from '../seed/fixtures.ts'
import { loadSnapshotFile } from '../seed/fixtures-node.ts'
import { CliUsageError } from './usage-error.ts'

/**
 * Loads the `--fixture` file; a missing file or one that is not a snapshot is a usage error
 * that names the flag.
 * @example
 * const fixture = await loadFixtureFlag('fixtures/small.json')
 */
export async function loadFixtureFlag(path: string): Promise<Snapshot> {
  try {
    return await loadSnapshotFile(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') {
      throw new CliUsageError(
        `--fixture: no file at '${path}'; pass the path of a snapshot JSON file`,
      )
    }
    if (code === 'EISDIR') {
      throw new CliUsageError(`--fixture: '${path}' is a directory; pass a snapshot JSON file`)
    }
    if (error instanceof InvalidSnapshotError) {
      throw new CliUsageError(
        `--fixture: '${path}' is not a valid snapshot: ${error.reason}; pass a file written by --snapshot-on-exit or saveSnapshotFile()`,
      )
    }
    throw error
  }
}

/**
 * Checks before starting that `--snapshot-on-exit` can be written: its folder exists and the
 * path is not a folder, so a typo is reported now rather than lost at shutdown.
 * @example
 * await checkSnapshotTarget('out/registry.json')
 */
export async function checkSnapshotTarget(path: string): Promise<void> {
  const folder = dirname(resolve(path))
  const folderStat = await stat(folder).catch(() => undefined)
  if (!folderStat?.isDirectory()) {
    throw new CliUsageError(
      `--snapshot-on-exit: the folder '${folder}' does not exist; create it or choose another path`,
    )
  }
  const fileStat = await stat(path).catch(() => undefined)
  if (fileStat?.isDirectory()) {
    throw new CliUsageError(`--snapshot-on-exit: '${path}' is a directory; pass a file path`)
  }
}
