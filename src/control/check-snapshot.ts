import type { Snapshot } from '../registry/snapshot.ts'
import { check } from './inputs.ts'

/**
 * Checks the shape of a snapshot body against the `Snapshot` schema of
 * spec/cse-mock-control.yaml before it reaches the registry, naming the first field that is
 * wrong; the registry still checks each record against the registry spec, and its invariants,
 * when it restores.
 * @example
 * const snapshot = checkSnapshot(await readControlBody(request))
 */
export function checkSnapshot(body: unknown): Snapshot {
  check('putSnapshot', body, 'INVALID_SNAPSHOT', 'the snapshot')
  return body as Snapshot
}
