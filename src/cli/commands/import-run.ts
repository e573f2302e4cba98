import { stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { createRegistryClient } from '../../contract/client/create-registry-client.ts'
import type { RegistryClientOptions } from '../../contract/client/options.ts'
import { ContractError } from '../../contract/errors.ts'
import {
  LIVE_DEFAULT_RATE,
  LIVE_DEFAULT_TIMEOUT_MS,
} from '../../contract/targets/endpoint-target.ts'
import { ImportError } from '../../import/errors.ts'
import { importRegistry } from '../../import/import-registry.ts'
import type { ImportOptions, ImportSummary } from '../../import/options.ts'
import { planImport } from '../../import/plan.ts'
import { RegistryUsageError } from '../../registry/errors.ts'
import { createRegistry, type Snapshot } from '../../registry/index.ts'
import { serializeSnapshot } from '../../seed/fixtures.ts'
import { saveSnapshotFile } from '../../seed/fixtures-node.ts'
import { readLiveClientFlags } from '../client-flags.ts'
import type { CliIo } from '../command.ts'
import { type ParsedFlags, parseFlags } from '../flags.ts'
import { CliUsageError } from '../usage-error.ts'
import { IMPORT_FLAGS } from './import-flags.ts'
import { createImportProgress, type ProgressStream } from './import-progress.ts'

interface ImportSettings {
  client: RegistryClientOptions
  options: ImportOptions
  out: string | undefined
  dryRun: boolean
}

/**
 * Runs `cse-mock import` with its arguments (see `importCommand`); loaded only when the command
 * runs.
 * @example
 * const code = await runImport(['--endpoint', 'http://127.0.0.1:30100', '--dry-run'], processIo)
 */
export async function runImport(
  argv: readonly string[],
  io: CliIo,
  stderr: ProgressStream = process.stderr,
): Promise<number> {
  const settings = await readSettings(parseFlags(IMPORT_FLAGS, argv), process.env)
  const { client: clientOptions, options } = settings
  const where = `${clientOptions.baseUrl} (project ${clientOptions.project ?? 'default'}, domain ${clientOptions.domain ?? 'default'})`
  if (settings.dryRun) {
    printPlan(io, where, settings)
    return 0
  }
  const stream: ProgressStream = stderr.isTTY
    ? stderr
    : { isTTY: false, write: (text) => io.err(text.replace(/\n$/, '')) }
  const progress = createImportProgress(stream)
  let result: Awaited<ReturnType<typeof importRegistry>>
  try {
    const client = createRegistryClient(clientOptions)
    result = await importRegistry(client, { ...options, onProgress: progress.update })
  } catch (error) {
    progress.end()
    if (!(error instanceof ImportError || error instanceof ContractError)) throw error
    io.err(`cse-mock import: ${error.message}`)
    return 1
  }
  const { snapshot, summary } = result
  const text = serializeSnapshot(snapshot)
  if (settings.out) await saveSnapshotFile(settings.out, snapshot)
  else io.out(text.replace(/\n$/, ''))
  io.err(describeImport(summary, where, settings.out, progress.seconds()))
  const refusal = await loadRefusal(snapshot)
  if (refusal) {
    io.err(`cse-mock import: the snapshot was written, but the mock refuses to load it: ${refusal}`)
    return 1
  }
  return 0
}

/** Whether the mock loads the snapshot: the reason it does not, or `undefined`. */
async function loadRefusal(snapshot: Snapshot) {
  try {
    await createRegistry().restore(snapshot)
    return undefined
  } catch (error) {
    if (error instanceof RegistryUsageError) return error.message
    throw error
  }
}

function printPlan(io: CliIo, where: string, settings: ImportSettings): void {
  const login = settings.client.user !== undefined
  const rate = settings.client.maxRequestsPerSecond
  io.out(`Plan for ${where}; nothing is sent:`)
  for (const entry of planImport({ login })) {
    io.out(`  ${entry.method} ${entry.path}  (${entry.times}: ${entry.reads})`)
  }
  const apps = settings.options.apps?.length ? settings.options.apps.join(', ') : 'every app'
  io.out(
    `Services read: ${apps}, Service Center's own SERVICECENTER left out; 1 + 4 requests per service, ${rate ? `at most ${rate} a second` : 'with no rate bound'}.`,
  )
  const redaction = settings.options.redact
    ? `property values (except ${['allowCrossApp', ...(settings.options.keepProperties ?? [])].join(', ')}), hosts and schema contents redacted`
    : 'nothing redacted'
  io.out(`Written to ${settings.out ?? 'stdout'}, ${redaction}. Only GET requests are sent.`)
}

function describeImport(
  summary: ImportSummary,
  where: string,
  out: string | undefined,
  time: string,
) {
  const { services, instances, schemas, tags, dependencies, requests } = summary
  const left = [
    summary.skipped ? `${summary.skipped} listed services left out` : '',
    summary.vanished ? `${summary.vanished} deleted while reading` : '',
  ].filter(Boolean)
  return [
    `Imported ${services} services, ${instances} instances, ${schemas} schemas, ${tags} tags and ${dependencies} dependency rules from ${where}`,
    ` with ${requests} requests in ${time}`,
    left.length ? ` (${left.join(', ')})` : '',
    summary.redacted ? '; property values, hosts and schema contents redacted' : '; not redacted',
    out ? `; wrote ${out}` : '',
  ].join('')
}

async function readSettings(flags: ParsedFlags, env: NodeJS.ProcessEnv): Promise<ImportSettings> {
  const client = readLiveClientFlags(flags, env, {
    rate: LIVE_DEFAULT_RATE,
    timeoutMs: LIVE_DEFAULT_TIMEOUT_MS,
  })
  if (flags.redact && flags['no-redact']) {
    throw new CliUsageError('--redact and --no-redact exclude each other')
  }
  const redact = flags['no-redact'] !== true
  const keep = list(flags['keep-properties'])
  const redactKey =
    typeof flags['redact-key'] === 'string' ? flags['redact-key'] : env.CSE_REDACT_KEY
  if (!redact && (keep.length || flags['redact-key'] !== undefined)) {
    throw new CliUsageError('--keep-properties and --redact-key only apply when redacting')
  }
  if (redactKey === '') throw new CliUsageError('--redact-key must not be empty')
  const apps = list(flags.app)
  for (const app of apps) {
    if (!/^[a-zA-Z0-9]*$|^[a-zA-Z0-9][a-zA-Z0-9_\-.]*[a-zA-Z0-9]$/.test(app) || app.length > 160) {
      throw new CliUsageError(
        `--app must be an appId (letters, digits, _ - . inside); got '${app}'`,
      )
    }
  }
  const out = typeof flags.out === 'string' ? flags.out : undefined
  if (out !== undefined) await checkOut(out)
  const options: ImportOptions = { redact }
  if (apps.length) options.apps = apps
  if (keep.length) options.keepProperties = keep
  if (redactKey !== undefined) options.redactKey = redactKey
  return { client, options, out, dryRun: flags['dry-run'] === true }
}

function list(value: ParsedFlags[string]): string[] {
  if (typeof value !== 'string') return []
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
}

/** Refuses an `--out` that cannot be written before anything is read. */
async function checkOut(path: string): Promise<void> {
  const folder = dirname(resolve(path))
  if (!(await stat(folder).catch(() => undefined))?.isDirectory()) {
    throw new CliUsageError(
      `--out: the folder '${folder}' does not exist; create it or choose another path`,
    )
  }
  if ((await stat(path).catch(() => undefined))?.isDirectory()) {
    throw new CliUsageError(`--out: '${path}' is a directory; pass a file path`)
  }
}
