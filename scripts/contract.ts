// Runs `cse-mock verify` directly, for checkouts whose CLI does not list the command yet.
import { processIo } from '../src/cli/command.ts'
import { verifyCommand } from '../src/cli/commands/verify.ts'
import { CliUsageError } from '../src/cli/usage-error.ts'

try {
  process.exitCode = await verifyCommand.run(process.argv.slice(2), processIo)
} catch (error) {
  if (!(error instanceof CliUsageError)) throw error
  processIo.err(`cse-mock verify: ${error.message}.`)
  process.exitCode = 2
}
