import { renameSync, rmSync, writeFileSync } from 'node:fs'
import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import type { Snapshot } from '../registry/snapshot.ts'
import { InvalidSnapshotError, parseSnapshot, serializeSnapshot } from './fixtures.ts'

/** The first two bytes of every gzip stream (RFC 1952). */
const GZIP_MAGIC = [0x1f, 0x8b] as const

/**
 * Reads a snapshot JSON file, plain or gzipped (such as `cse-mock/fixtures/large.json.gz`), and
 * checks it with `parseSnapshot`. A file that is not JSON or not a snapshot throws
 * `InvalidSnapshotError`; a missing or unreadable file throws Node's own error.
 * @example
 * const snapshot = await loadSnapshotFile('fixtures/small.json')
 */
export async function loadSnapshotFile(path: string | URL): Promise<Snapshot> {
  const bytes = await readFile(path)
  let json: unknown
  try {
    const gzipped = bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1]
    json = JSON.parse((gzipped ? gunzipSync(bytes) : bytes).toString('utf8'))
  } catch (error) {
    throw new InvalidSnapshotError(
      `${String(path)} is not valid JSON or gzipped JSON (${String(error)})`,
      {
        cause: error,
      },
    )
  }
  return parseSnapshot(json, String(path))
}

/**
 * Writes a snapshot as pretty JSON with sorted keys and a trailing newline (`serializeSnapshot`),
 * so saving the same registry twice leaves the file byte-for-byte unchanged. The file is written
 * next to its target under a temporary name and renamed over it: a reader, or a process killed
 * mid-write, sees the old file or the new one, never half of one.
 * @example
 * await saveSnapshotFile('fixtures/mine.json', createSeedSnapshot({ seed: 3 }))
 */
export async function saveSnapshotFile(path: string | URL, snapshot: Snapshot): Promise<void> {
  const target = typeof path === 'string' ? path : fileURLToPath(path)
  const temporary = temporaryName(target)
  try {
    await writeFile(temporary, serializeSnapshot(snapshot), 'utf8')
    await rename(temporary, target)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}

/**
 * `saveSnapshotFile` without giving up the thread: for a process that must exit right after,
 * such as `cse-mock serve` on its second stop signal.
 * @example
 * saveSnapshotFileSync('out/registry.json', mock.snapshot())
 */
export function saveSnapshotFileSync(path: string, snapshot: Snapshot): void {
  const temporary = temporaryName(path)
  try {
    writeFileSync(temporary, serializeSnapshot(snapshot), 'utf8')
    renameSync(temporary, path)
  } catch (error) {
    rmSync(temporary, { force: true })
    throw error
  }
}

function temporaryName(path: string): string {
  return `${path}.${process.pid}.${Date.now().toString(36)}.tmp`
}
