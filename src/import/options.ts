import type { Snapshot } from '../registry/snapshot.ts'

/**
 * What `importRegistry` reads and how it writes it down.
 * @example
 * const options: ImportOptions = { apps: ['shop'], keepProperties: ['weight'] }
 */
export interface ImportOptions {
  /** Only services of these appIds (and their instances, schemas, tags and rules); default all. */
  apps?: readonly string[]
  /** Replace property values, hosts and schema contents with stand-ins; default `true`. */
  redact?: boolean
  /** Property keys whose values are kept as they are when redacting. */
  keepProperties?: readonly string[]
  /**
   * Key of the stand-ins: the same key and value always give the same stand-in. Without a
   * secret key of your own, a guessed value can be checked against its stand-in.
   */
  redactKey?: string
  /** Services read at the same time; the client's rate bound still applies. Default 4. */
  concurrency?: number
  /** The `description` of the snapshot; default one naming the tenant and the counts. */
  description?: string
  /** Told where the import is: after the list, and after each service. */
  onProgress?: (progress: ImportProgress) => void
}

/**
 * Where a running import is.
 * @example
 * onProgress: ({ phase, done, total }) => console.error(phase, done, total)
 */
export interface ImportProgress {
  phase: 'list' | 'read' | 'done'
  /** Services read so far (in phase `read`). */
  done: number
  /** Services to read, once the list is in. */
  total: number
  /** Requests sent so far. */
  requests: number
}

/**
 * What an import found and left out.
 * @example
 * const { snapshot, summary } = await importRegistry(client)
 * console.log(summary.services, summary.instances)
 */
export interface ImportSummary {
  services: number
  instances: number
  schemas: number
  tags: number
  /** Consumer → provider rules. */
  dependencies: number
  /** Services the registry listed that were not imported: its own, or outside `apps`. */
  skipped: number
  /** Services that were deleted between the list and their reads. */
  vanished: number
  /** GET requests sent. */
  requests: number
  redacted: boolean
}

/**
 * The snapshot an import made and what it counted.
 * @example
 * const result: ImportResult = await importRegistry(client)
 */
export interface ImportResult {
  snapshot: Snapshot
  summary: ImportSummary
}
