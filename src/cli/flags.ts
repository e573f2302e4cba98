import { parseArgs } from 'node:util'
import { CliUsageError } from './usage-error.ts'

/** One flag of a command: how `parseArgs` reads it and how `--help` shows it. */
export interface FlagSpec {
  /** Long name without dashes, e.g. `port`. */
  name: string
  type: 'string' | 'boolean'
  /** Placeholder of the value in the help, e.g. `N` or `FILE`. */
  value?: string
  /** The default as the help shows it; left out when there is none. */
  default?: string
  /** May be given more than once; the values arrive joined with commas. */
  multiple?: boolean
  description: string
}

/** Parsed flags by name: strings for valued flags, `true` for switches, absent when not given. */
/**
 * A flag that takes a value, shown in `--help` as `--name VALUE  description`.
 * @example
 * textFlag('project', 'P', 'Project path segment')
 */
export function textFlag(name: string, value: string, description: string): FlagSpec {
  return { name, type: 'string', value, description }
}

export type ParsedFlags = Record<string, string | boolean | undefined>

/**
 * Parses a command's arguments strictly with `node:util` `parseArgs` and turns its errors into
 * messages that name the flag and list what is accepted.
 * @example
 * parseFlags(serveCommand.flags, ['--port', '0']) // { port: '0' }
 */
export function parseFlags(specs: readonly FlagSpec[], argv: readonly string[]): ParsedFlags {
  const options = Object.fromEntries(
    specs.map((spec) => [spec.name, { type: spec.type, multiple: spec.multiple === true }]),
  )
  try {
    const { values } = parseArgs({
      args: [...argv],
      options,
      strict: true,
      allowPositionals: false,
    })
    const flags: ParsedFlags = {}
    for (const [name, value] of Object.entries(values)) {
      flags[name] = Array.isArray(value) ? value.join(',') : value
    }
    return flags
  } catch (error) {
    throw explain(error, specs)
  }
}

/**
 * Reads an integer flag value, rejecting anything but plain decimal digits within the range.
 * @example
 * integerFlag('port', '30100', 0, 65_535) // 30100
 */
export function integerFlag(name: string, value: string, min: number, max: number, note = '') {
  const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    throw new CliUsageError(
      `--${name} must be an integer from ${min} to ${max}${note}; got '${value}'`,
    )
  }
  return parsed
}

/**
 * Reads a flag that takes one of a few words.
 * @example
 * choiceFlag('profile', 'cse', ['cse', 'servicecomb']) // 'cse'
 */
export function choiceFlag<T extends string>(name: string, value: string, choices: readonly T[]) {
  if (!(choices as readonly string[]).includes(value)) {
    throw new CliUsageError(`--${name} must be one of ${choices.join(', ')}; got '${value}'`)
  }
  return value as T
}

/**
 * The help lines of a flag table: name and placeholder, description, default.
 * @example
 * formatFlags(serveCommand.flags).join('\n')
 */
export function formatFlags(specs: readonly FlagSpec[]): string[] {
  const labels = specs.map((spec) => `--${spec.name}${spec.value ? ` ${spec.value}` : ''}`)
  const width = Math.max(...labels.map((label) => label.length)) + 2
  return specs.map((spec, i) => {
    const fallback = spec.default === undefined ? '' : ` (default: ${spec.default})`
    return `  ${labels[i]!.padEnd(width)}${spec.description}${fallback}`
  })
}

function explain(error: unknown, specs: readonly FlagSpec[]): Error {
  const code = (error as { code?: string }).code
  const message = error instanceof Error ? error.message : String(error)
  const named = /'(-{1,2}[^' =]+)/.exec(message)?.[1] ?? ''
  const accepted = specs.map((spec) => `--${spec.name}`).join(', ')
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return new CliUsageError(`unknown flag ${named}; accepted flags are ${accepted}`)
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const spec = specs.find((candidate) => `--${candidate.name}` === named)
    return new CliUsageError(
      spec?.type === 'boolean'
        ? `${named} is a switch and takes no value`
        : `${named} needs a value${spec?.value ? ` (${named} ${spec.value})` : ''}`,
    )
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const argument = /'([^']*)'/.exec(message)?.[1] ?? ''
    return new CliUsageError(`unexpected argument '${argument}'; this command takes only flags`)
  }
  return error instanceof Error ? error : new Error(message)
}
