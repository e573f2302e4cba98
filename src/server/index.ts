export type { RequestLogEntry } from '../faults/types.ts'
export { loadSnapshotFile, saveSnapshotFile } from '../seed/fixtures-node.ts'
export { CseMockServerError } from './errors.ts'
export {
  type CseMockServer,
  type CseMockServerOptions,
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_SHUTDOWN_TIMEOUT_MS,
  startCseMockServer,
} from './start-server.ts'
