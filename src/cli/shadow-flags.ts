import { type FlagSpec, integerFlag, type ParsedFlags } from './flags.ts'
import { CliUsageError } from './usage-error.ts'

/**
 * The `serve --shadow` flags, listed after the other serve flags.
 * @example
 * const flags = [...SERVE_FLAGS_BEFORE, ...SHADOW_FLAGS]
 */
export const SHADOW_FLAGS: readonly FlagSpec[] = [
  {
    name: 'shadow',
    type: 'string',
    value: 'URL',
    default: 'none',
    description:
      'Proxy to this live registry and compare each answer with the mock (docs/shadow.md)',
  },
  {
    name: 'shadow-no-import',
    type: 'boolean',
    default: 'off',
    description: 'Do not load the mock from a read-only import of the live registry at start',
  },
  {
    name: 'shadow-log',
    type: 'string',
    value: 'FILE',
    default: 'none',
    description: 'Write one JSON record per request (credentials left out) to FILE',
  },
  {
    name: 'shadow-summary',
    type: 'string',
    value: 'FILE',
    default: 'none',
    description: 'Write the summary printed on exit as JSON to FILE too',
  },
  {
    name: 'shadow-read-only',
    type: 'boolean',
    default: 'off',
    description: 'Refuse registry writes with 403001 instead of forwarding them',
  },
  {
    name: 'shadow-timeout',
    type: 'string',
    value: 'MS',
    default: '30000',
    description: 'Answer 500011 when the live registry takes longer than this',
  },
  {
    name: 'shadow-progress',
    type: 'string',
    value: 'N',
    default: '100',
    description: 'On a terminal, a status line every N requests (and every 10 s)',
  },
  {
    name: 'shadow-no-twin',
    type: 'boolean',
    default: 'off',
    description: 'Do not run the other profile beside the mock (no profile labels)',
  },
]

/**
 * What `serve --shadow` runs with.
 * @example
 * const shadow: ShadowSettings = readShadowSettings(flags)!
 */
export interface ShadowSettings {
  live: string
  import: boolean
  log: string | undefined
  summary: string | undefined
  readOnly: boolean
  timeoutMs: number
  progressEvery: number
  twin: boolean
}

/**
 * Reads the shadow flags; `undefined` without `--shadow`, a usage error for a shadow flag
 * without it.
 * @example
 * readShadowSettings(parseFlags(SERVE_FLAGS, ['--shadow', 'http://127.0.0.1:30100']))
 */
export function readShadowSettings(flags: ParsedFlags): ShadowSettings | undefined {
  const text = (name: string) =>
    typeof flags[name] === 'string' ? (flags[name] as string) : undefined
  const live = text('shadow')
  if (live === undefined) {
    const stray = SHADOW_FLAGS.find(
      (flag) =>
        flag.name !== 'shadow' && flags[flag.name] !== undefined && flags[flag.name] !== false,
    )
    if (stray) throw new CliUsageError(`--${stray.name} needs --shadow URL`)
    return undefined
  }
  if (!/^https?:\/\/[^/]+\/?$/.test(live)) {
    throw new CliUsageError(
      `--shadow must be the live registry's http(s) origin, e.g. http://127.0.0.1:30100; got '${live}'`,
    )
  }
  const number = (name: string, fallback: number, min: number, max: number) => {
    const value = text(name)
    return value === undefined ? fallback : integerFlag(name, value, min, max)
  }
  return {
    live: live.replace(/\/$/, ''),
    import: flags['shadow-no-import'] !== true,
    log: text('shadow-log'),
    summary: text('shadow-summary'),
    readOnly: flags['shadow-read-only'] === true,
    timeoutMs: number('shadow-timeout', 30_000, 1, 3_600_000),
    progressEvery: number('shadow-progress', 100, 1, 1_000_000),
    twin: flags['shadow-no-twin'] !== true,
  }
}
