import { DEFAULT_CAPTURE_BYTES } from '../faults/capture.ts'
import type { CseMockOptions } from '../mock.ts'
import type { Profile } from '../registry/index.ts'
import { DEFAULT_PING_INTERVAL_MS } from '../server/keep-alive.ts'
import { DEFAULT_HOST, DEFAULT_PORT, DEFAULT_SHUTDOWN_TIMEOUT_MS } from '../server/start-server.ts'
import { choiceFlag, type FlagSpec, integerFlag, parseFlags } from './flags.ts'
import type { LogFormat } from './log-format.ts'
import { RBAC_FLAGS, rbacOptionsFromFlags } from './rbac-flags.ts'
import { seedOptionsFromFlags } from './seed-flags.ts'
import { readShadowSettings, SHADOW_FLAGS, type ShadowSettings } from './shadow-flags.ts'
import { checkSnapshotTarget, loadFixtureFlag } from './snapshot-files.ts'
import { CliUsageError } from './usage-error.ts'

/**
 * The flags of `cse-mock serve`, in the order `--help` lists them.
 * @example
 * parseFlags(SERVE_FLAGS, ['--port', '0'])
 */
export const SERVE_FLAGS: readonly FlagSpec[] = [
  {
    name: 'host',
    type: 'string',
    value: 'HOST',
    default: DEFAULT_HOST,
    description: 'Interface to listen on; 0.0.0.0 accepts other machines',
  },
  {
    name: 'port',
    type: 'string',
    value: 'PORT',
    default: String(DEFAULT_PORT),
    description: 'TCP port, 0-65535; 0 picks a free one',
  },
  {
    name: 'profile',
    type: 'string',
    value: 'cse|servicecomb',
    default: 'cse',
    description: 'Registry behaviour: Huawei CSE docs or ServiceComb Service Center 2.1+',
  },
  {
    name: 'seed',
    type: 'string',
    value: 'N',
    default: 'none, an empty registry',
    description: 'Fill the registry with faker data from this seed, 0-4294967295',
  },
  {
    name: 'services',
    type: 'string',
    value: 'N',
    default: '12 when seeding',
    description: 'Number of seeded services, one version each; implies seeding',
  },
  {
    name: 'instances',
    type: 'string',
    value: 'M',
    default: '2 per service when seeding',
    description: 'Seeded instances in total, spread evenly over the services; implies seeding',
  },
  {
    name: 'fixture',
    type: 'string',
    value: 'FILE',
    default: 'none',
    description: 'Start from this snapshot JSON file',
  },
  {
    name: 'snapshot-on-exit',
    type: 'string',
    value: 'FILE',
    default: 'none',
    description: 'Write the registry to FILE when stopped by SIGINT or SIGTERM',
  },
  {
    name: 'clock',
    type: 'string',
    value: 'system|virtual',
    default: 'system',
    description: 'virtual: time only moves through the control API',
  },
  {
    name: 'capture-bodies',
    type: 'string',
    value: 'CHARS',
    default: String(DEFAULT_CAPTURE_BYTES),
    description:
      'Characters of each request and response body the inspector keeps; 0 turns capture off',
  },
  {
    name: 'shutdown-timeout',
    type: 'string',
    value: 'MS',
    default: String(DEFAULT_SHUTDOWN_TIMEOUT_MS),
    description: 'On SIGINT/SIGTERM, cut off requests still open after this many milliseconds',
  },
  {
    name: 'allowed-hosts',
    type: 'string',
    value: 'LIST',
    default: 'loopback names, IPs, --host',
    description:
      'More Host names the control API accepts, comma-separated; .domain for subdomains; all',
  },
  { name: 'quiet', type: 'boolean', default: 'off', description: 'Do not log requests' },
  {
    name: 'no-fast-path',
    type: 'boolean',
    default: 'off',
    description: 'Answer every request through node:http (the wire is the same; slower)',
  },
  {
    name: 'log-format',
    type: 'string',
    value: 'text|json',
    default: 'text',
    description: 'Request log lines as text or one JSON object per line',
  },
  {
    name: 'ws-ping-interval',
    type: 'string',
    value: 'MS',
    default: String(DEFAULT_PING_INTERVAL_MS),
    description: 'Websocket ping interval in milliseconds (lower it in tests)',
  },
  ...RBAC_FLAGS,
  ...SHADOW_FLAGS,
  { name: 'help', type: 'boolean', description: 'Show this help' },
]

/**
 * What `cse-mock serve` runs with, read from its flags.
 * @example
 * const settings: ServeSettings = await readServeSettings(['--port', '0'])
 */
export interface ServeSettings {
  host: string
  port: number
  pingIntervalMs: number
  shutdownTimeoutMs: number
  allowedHosts: string[] | 'all' | undefined
  quiet: boolean
  /** False with `--no-fast-path`: every request goes through node:http. */
  fastPath: boolean
  logFormat: LogFormat
  snapshotOnExit: string | undefined
  fixture: string | undefined
  mockOptions: CseMockOptions
  /** Set with `--shadow URL`. */
  shadow: ShadowSettings | undefined
}

/**
 * Reads and checks the flags of `cse-mock serve`: plain values first, then the files
 * (`--fixture` is loaded, the `--snapshot-on-exit` folder must exist). Throws `CliUsageError`.
 * @example
 * const settings = await readServeSettings(['--seed', '42', '--port', '0'])
 */
export async function readServeSettings(argv: readonly string[]): Promise<ServeSettings> {
  const flags = parseFlags(SERVE_FLAGS, argv)
  const text = (name: string) => flags[name] as string | undefined
  const number = (name: string, min: number, max: number, note = '') => {
    const value = text(name)
    return value === undefined ? undefined : integerFlag(name, value, min, max, note)
  }
  const host = text('host') ?? DEFAULT_HOST
  if (host.trim() === '') {
    throw new CliUsageError('--host must not be empty; try 127.0.0.1 or 0.0.0.0')
  }
  const port = number('port', 0, 65_535, ' (0 picks a free port)') ?? DEFAULT_PORT
  const pingIntervalMs = number('ws-ping-interval', 1, 3_600_000) ?? DEFAULT_PING_INTERVAL_MS
  const shutdownTimeoutMs = number('shutdown-timeout', 0, 3_600_000) ?? DEFAULT_SHUTDOWN_TIMEOUT_MS
  const allowedHosts = hostList(text('allowed-hosts'))
  const logFormat = choiceFlag<LogFormat>('log-format', text('log-format') ?? 'text', [
    'text',
    'json',
  ])
  const mockOptions: CseMockOptions = {
    profile: choiceFlag<Profile>('profile', text('profile') ?? 'cse', ['cse', 'servicecomb']),
    clock: choiceFlag('clock', text('clock') ?? 'system', ['system', 'virtual'] as const),
    captureBodies: captureFlag(number('capture-bodies', 0, 16 * 1024 * 1024)),
  }
  const seed = seedOptionsFromFlags({
    seed: number('seed', 0, 0xffff_ffff),
    services: number('services', 0, 10_000),
    instances: number('instances', 0, 150_000, ' (the per-tenant instance quota)'),
  })
  const fixture = text('fixture')
  if (fixture !== undefined && seed !== undefined) {
    throw new CliUsageError('--fixture cannot be combined with --seed, --services or --instances')
  }
  if (seed) mockOptions.seed = seed
  const rbac = await rbacOptionsFromFlags(flags, process.env)
  if (rbac) mockOptions.rbac = rbac
  if (fixture !== undefined) mockOptions.fixture = await loadFixtureFlag(fixture)
  const shadow = readShadowSettings(flags)
  if (shadow?.import && (fixture !== undefined || seed !== undefined)) {
    throw new CliUsageError(
      '--shadow loads the mock from an import of the live registry; add --shadow-no-import to start from --fixture or --seed instead',
    )
  }
  const snapshotOnExit = text('snapshot-on-exit')
  if (snapshotOnExit !== undefined) await checkSnapshotTarget(snapshotOnExit)
  return {
    host,
    port,
    pingIntervalMs,
    shutdownTimeoutMs,
    allowedHosts,
    quiet: flags.quiet === true,
    fastPath: flags['no-fast-path'] !== true,
    logFormat,
    snapshotOnExit,
    fixture,
    mockOptions,
    shadow,
  }
}

function captureFlag(chars: number | undefined): boolean | number {
  if (chars === undefined) return true
  return chars === 0 ? false : chars
}

function hostList(value: string | undefined): string[] | 'all' | undefined {
  if (value === undefined) return undefined
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
  if (names.length === 0) {
    throw new CliUsageError('--allowed-hosts needs at least one name, e.g. mock.test,.internal')
  }
  return names.includes('all') ? 'all' : names
}
