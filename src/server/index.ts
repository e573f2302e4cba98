export type { RequestLogEntry } from '../faults/types.ts'
export { CseMockServerError } from './errors.ts'
export {
  type CseMockServer,
  type CseMockServerOptions,
  DEFAULT_HOST,
  DEFAULT_PORT,
  startCseMockServer,
} from './start-server.ts'
