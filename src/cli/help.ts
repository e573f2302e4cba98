import type { CliCommand } from './command.ts'
import { formatFlags } from './flags.ts'

/**
 * The help of one command: usage line and every flag with its default.
 * @example
 * commandHelp(serveCommand).join('\n')
 */
export function commandHelp(command: CliCommand): string[] {
  return [
    `Usage: cse-mock ${command.name} [flags]`,
    '',
    command.summary,
    '',
    'Flags:',
    ...formatFlags(command.flags),
  ]
}

/**
 * The top-level help: commands, global flags, then the flags of every command.
 * @example
 * rootHelp(COMMANDS).join('\n')
 */
export function rootHelp(commands: readonly CliCommand[]): string[] {
  const rows = [
    ...commands.map((command) => [command.name, command.summary]),
    ['help [command]', 'Show this help, or the help of one command'],
  ]
  const width = Math.max(...rows.map(([name]) => name!.length)) + 2
  const lines = [
    'Usage: cse-mock <command> [flags]',
    '',
    'A mock of the Huawei Cloud CSE / ServiceComb Service Center registry (/v4 REST API).',
    '',
    'Commands:',
    ...rows.map(([name, summary]) => `  ${name!.padEnd(width)}${summary}`),
    '',
    'Global flags:',
    '  --help, -h     Show help',
    '  --version, -v  Print the version',
  ]
  for (const command of commands) {
    lines.push('', `Flags of ${command.name}:`, ...formatFlags(command.flags))
  }
  return lines
}
