export type { RequestLogEntry } from '../faults/types.ts'
export { loadSnapshotFile, saveSnapshotFile } from '../seed/fixtures-node.ts'
export { createJsonLinesLog } from '../shadow/json-lines-log.ts'
export type {
  ShadowDifference,
  ShadowLabel,
  ShadowObserver,
  ShadowRecord,
} from '../shadow/shadow-record.ts'
export {
  createShadowSummary,
  formatSummary,
  type ShadowSummary,
  type ShadowSummaryObserver,
  type ShadowSummaryRow,
} from '../shadow/shadow-summary.ts'
export {
  type ShadowProxy,
  type ShadowProxyOptions,
  startShadowProxy,
} from '../shadow/start-shadow-proxy.ts'
export { CseMockServerError } from './errors.ts'
export {
  type CseMockServer,
  type CseMockServerOptions,
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_SHUTDOWN_TIMEOUT_MS,
  startCseMockServer,
} from './start-server.ts'
