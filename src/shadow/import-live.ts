import { createRegistryClient } from '../contract/client/create-registry-client.ts'
import type { RegistryClientOptions } from '../contract/client/options.ts'
import { importRegistry } from '../import/import-registry.ts'
import type { ImportResult } from '../import/options.ts'

/**
 * Reads the live registry into a snapshot for the mock side of a shadow session: GET requests
 * only, through the import's read-only client. Redaction is off, because the snapshot stays
 * in memory and the mock must answer reads with the live values to compare like with like.
 * @example
 * const { snapshot } = await importLive({ baseUrl: 'http://127.0.0.1:30100' })
 */
export function importLive(client: RegistryClientOptions): Promise<ImportResult> {
  return importRegistry(createRegistryClient(client), {
    redact: false,
    description: `Shadow copy of ${client.baseUrl}`,
  })
}
