import { type CliCommand, type CliIo, processIo } from './command.ts'
import { compareCommand } from './commands/compare.ts'
import { importCommand } from './commands/import.ts'
import { initCommand } from './commands/init.ts'
import { serveCommand } from './commands/serve.ts'
import { verifyCommand } from './commands/verify.ts'
import { commandHelp, rootHelp } from './help.ts'
import { CliUsageError } from './usage-error.ts'
import { CLI_VERSION } from './version.ts'

/** Every command of the CLI; a new command is one file under `commands/` and one entry here. */
const COMMANDS: readonly CliCommand[] = [
  serveCommand,
  verifyCommand,
  compareCommand,
  initCommand,
  importCommand,
]

const HELP_FLAGS = new Set(['--help', '-h'])

/**
 * Runs the CLI with the arguments after `cse-mock` and resolves to the exit code: 0 done,
 * 1 runtime failure (port in use), 2 usage error.
 * @example
 * process.exitCode = await main(process.argv.slice(2))
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [first, ...rest] = argv
  if (first === undefined) {
    for (const line of rootHelp(COMMANDS)) io.err(line)
    return 2
  }
  if (HELP_FLAGS.has(first) || (first === 'help' && rest.length === 0)) {
    for (const line of rootHelp(COMMANDS)) io.out(line)
    return 0
  }
  if (first === '--version' || first === '-v') {
    io.out(CLI_VERSION)
    return 0
  }
  const name = first === 'help' ? rest[0] : first
  const command = COMMANDS.find((candidate) => candidate.name === name)
  if (!command) {
    const known = COMMANDS.map((candidate) => candidate.name).join(', ')
    io.err(`cse-mock: unknown command '${name}'; available commands: ${known}, help`)
    io.err("Run 'cse-mock --help' for usage.")
    return 2
  }
  if (first === 'help' || rest.some((arg) => HELP_FLAGS.has(arg))) {
    for (const line of commandHelp(command)) io.out(line)
    return 0
  }
  try {
    return await command.run(rest, io)
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error
    io.err(`cse-mock ${command.name}: ${error.message}.`)
    io.err(`Run 'cse-mock ${command.name} --help' for usage.`)
    return 2
  }
}
