import { readFile, writeFile } from 'node:fs/promises'
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
 * so saving the same registry twice leaves the file byte-for-byte unchanged.
 * @example
 * await saveSnapshotFile('fixtures/mine.json', createSeedSnapshot({ seed: 3 }))
 */
export async function saveSnapshotFile(path: string | URL, snapshot: Snapshot): Promise<void> {
  await writeFile(path, serializeSnapshot(snapshot), 'utf8')
}
