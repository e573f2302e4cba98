export type { RequestLogEntry } from '../faults/types.ts'
export { CseMockServerError } from './errors.ts'
export {
  type CseMockServer,
  type CseMockServerOptions,
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_SHUTDOWN_TIMEOUT_MS,
  startCseMockServer,
} from './start-server.ts'
