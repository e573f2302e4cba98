import { readFile, writeFile } from 'node:fs/promises'
import type { Snapshot } from '../registry/snapshot.ts'
import { InvalidSnapshotError, parseSnapshot, serializeSnapshot } from './fixtures.ts'

/**
 * Reads a snapshot JSON file and checks it with `parseSnapshot`. A file that is not JSON or not a
 * snapshot throws `InvalidSnapshotError`; a missing or unreadable file throws Node's own error.
 * @example
 * const snapshot = await loadSnapshotFile('fixtures/small.json')
 */
export async function loadSnapshotFile(path: string | URL): Promise<Snapshot> {
  const text = await readFile(path, 'utf8')
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new InvalidSnapshotError(`${String(path)} is not valid JSON (${String(error)})`, {
      cause: error,
    })
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
