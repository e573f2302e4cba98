import { defineCommand } from '../command.ts'
import { VERIFY_FLAGS } from './verify-flags.ts'

/**
 * `cse-mock verify`: runs the contract suite against the mock, a spawned server or a live
 * registry; exit code 0 when every check passes, 1 when one fails, 2 on bad flags.
 * @example
 * const code = await verifyCommand.run(['--endpoint', 'http://127.0.0.1:30100'], processIo)
 */
export const verifyCommand = defineCommand({
  name: 'verify',
  summary: 'Run the contract suite against a registry and report where it differs',
  flags: VERIFY_FLAGS,
  async run(argv, io) {
    const { runVerify } = await import('./verify-run.ts')
    return runVerify(argv, io)
  },
})
