import { type CliCommand, type CliIo, processIo } from './command.ts'
import { commandHelp, rootHelp } from './help.ts'
import { CliUsageError } from './usage-error.ts'
import { CLI_VERSION } from './version.ts'

/**
 * Every command of the CLI by name, in the order the help lists them; a new command is one file
 * under `commands/` and one entry here. Each is imported only when it runs (or the root help
 * lists them all): `serve` then starts without the modules of `compare`, `import` and `verify`.
 */
const COMMANDS: Readonly<Record<string, () => Promise<CliCommand>>> = {
  serve: async () => (await import('./commands/serve.ts')).serveCommand,
  verify: async () => (await import('./commands/verify.ts')).verifyCommand,
  compare: async () => (await import('./commands/compare.ts')).compareCommand,
  init: async () => (await import('./commands/init.ts')).initCommand,
  import: async () => (await import('./commands/import.ts')).importCommand,
}

const allCommands = (): Promise<CliCommand[]> =>
  Promise.all(Object.values(COMMANDS).map((load) => load()))

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
    for (const line of rootHelp(await allCommands())) io.err(line)
    return 2
  }
  if (HELP_FLAGS.has(first) || (first === 'help' && rest.length === 0)) {
    for (const line of rootHelp(await allCommands())) io.out(line)
    return 0
  }
  if (first === '--version' || first === '-v') {
    io.out(CLI_VERSION)
    return 0
  }
  const name = first === 'help' ? rest[0] : first
  const load = name === undefined || !Object.hasOwn(COMMANDS, name) ? undefined : COMMANDS[name]
  if (!load) {
    const known = Object.keys(COMMANDS).join(', ')
    io.err(`cse-mock: unknown command '${name}'; available commands: ${known}, help`)
    io.err("Run 'cse-mock --help' for usage.")
    return 2
  }
  const command = await load()
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
