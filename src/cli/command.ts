import type { FlagSpec } from './flags.ts'

/** Where a command writes: one line at a time, stdout and stderr. */
export interface CliIo {
  out(line: string): void
  err(line: string): void
}

/** One `cse-mock <name>` command, as listed in the command table of `main.ts`. */
export interface CliCommand {
  name: string
  /** One line for the command list. */
  summary: string
  /** Every flag, in the order `--help` lists them. */
  flags: readonly FlagSpec[]
  /** Runs the command with the arguments after its name; resolves to the exit code. */
  run(argv: readonly string[], io: CliIo): Promise<number>
}

/**
 * Declares a command; the identity function exists for type inference.
 * @example
 * export const helloCommand = defineCommand({ name: 'hello', summary: 'Say hello', flags: [], run: async (_argv, io) => { io.out('hello'); return 0 } })
 */
export function defineCommand(command: CliCommand): CliCommand {
  return command
}

/**
 * The standard streams as a `CliIo`, written to directly. The bin uses `createProcessIo()`,
 * which also outlives a closed stdout.
 * @example
 * await main(process.argv.slice(2), processIo)
 */
export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
}
