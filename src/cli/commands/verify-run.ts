import { writeFile } from 'node:fs/promises'
import type { RegistryClientOptions } from '../../contract/client/options.ts'
import { ContractError } from '../../contract/errors.ts'
import { planSuite } from '../../contract/framework/plan.ts'
import { createContractRun } from '../../contract/framework/run-suite.ts'
import { toJsonReport } from '../../contract/report/json.ts'
import { toJUnitXml } from '../../contract/report/junit.ts'
import { formatPlan } from '../../contract/report/plan-text.ts'
import { formatScenarioLine } from '../../contract/report/progress.ts'
import { formatCleanup, formatRunReport } from '../../contract/report/terminal.ts'
import { installInterruptCleanup } from '../../contract/safety/signals.ts'
import { PROFILE_PROBES, SCENARIOS } from '../../contract/scenarios/index.ts'
import { createEndpointTarget } from '../../contract/targets/endpoint-target.ts'
import { setupMockTarget } from '../../contract/targets/mock-target.ts'
import { startServerTarget } from '../../contract/targets/server-target.ts'
import type { ContractTarget } from '../../contract/targets/target.ts'
import { clientFromEnv } from '../../contract/targets/target-from-env.ts'
import type { Profile } from '../../registry/index.ts'
import { copyTenantAndCredentials } from '../client-flags.ts'
import type { CliIo } from '../command.ts'
import { choiceFlag, integerFlag, type ParsedFlags, parseFlags } from '../flags.ts'
import { CliUsageError } from '../usage-error.ts'

import { VERIFY_FLAGS } from './verify-flags.ts'

/** Everything the flags say, checked before anything starts. */
interface VerifySettings {
  kind: 'mock' | 'server' | 'endpoint'
  client: Partial<RegistryClientOptions>
  /** Requests per second from --rate; 0 removes the live default. */
  rate: number | undefined
  profile: Profile | undefined
  dryRun: boolean
  junit: string | undefined
  json: string | undefined
}

/**
 * Runs `cse-mock verify` with its arguments (see `verifyCommand`); loaded only when the
 * command runs, so `serve` never loads the contract suite.
 * @example
 * const code = await runVerify(['--target', 'mock'], processIo)
 */
export async function runVerify(argv: readonly string[], io: CliIo): Promise<number> {
  const settings = readSettings(parseFlags(VERIFY_FLAGS, argv), process.env)
  if (settings.dryRun) {
    const where = settings.client.baseUrl ?? `the ${settings.kind} target`
    io.out(`Plan for ${where} (operations marked * change the registry; nothing is sent):`)
    for (const line of formatPlan(planSuite(SCENARIOS, PROFILE_PROBES))) io.out(line)
    return 0
  }
  let target: ContractTarget
  try {
    target = await openTarget(settings)
  } catch (error) {
    if (!(error instanceof ContractError)) throw error
    io.err(`cse-mock verify: ${error.message}`)
    return 1
  }
  const client = { ...target.client, ...settings.client, baseUrl: target.client.baseUrl }
  if (settings.rate === 0) delete client.maxRequestsPerSecond
  const run = createContractRun({
    target: { ...target, client },
    onEvent: (event) => {
      if (event.type === 'scenario-end') io.out(formatScenarioLine(event.result))
    },
  })
  io.out(`Verifying ${target.description} as application ${run.ledger.appId}`)
  const uninstall = installInterruptCleanup(async () => {
    for (const line of formatCleanup(await run.cleanup(), run.ledger.appId)) io.err(line)
    await target.close()
  })
  try {
    const report = await run.run()
    for (const line of formatRunReport(report)) io.out(line)
    if (settings.junit) await writeFile(settings.junit, toJUnitXml(report))
    if (settings.json) await writeFile(settings.json, toJsonReport(report))
    return report.passed ? 0 : 1
  } finally {
    uninstall()
    await target.close()
  }
}

function openTarget(settings: VerifySettings): Promise<ContractTarget> {
  const { kind, profile } = settings
  if (kind === 'endpoint') {
    return Promise.resolve(createEndpointTarget(settings.client as RegistryClientOptions))
  }
  if (kind === 'server') return startServerTarget(profile ? { args: ['--profile', profile] } : {})
  return setupMockTarget(profile ? { profile } : {})
}

function str(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/**
 * Reads the flags. Without `--endpoint` or `--target` the environment chooses, as it does for
 * the tests: `CSE_ENDPOINT` (with the other `CSE_*` variables), then `CSE_TARGET`, else mock.
 */
function readSettings(flags: ParsedFlags, env: NodeJS.ProcessEnv): VerifySettings {
  const flagEndpoint = str(flags.endpoint)
  const flagTarget = str(flags.target)
  if (flagEndpoint !== undefined && flagTarget !== undefined) {
    throw new CliUsageError('--endpoint and --target exclude each other')
  }
  const fromEnv = flagEndpoint === undefined && flagTarget === undefined
  const envEndpoint = fromEnv && env.CSE_ENDPOINT ? env.CSE_ENDPOINT : undefined
  const endpoint = flagEndpoint ?? envEndpoint
  const target = flagTarget ?? (fromEnv && !envEndpoint ? env.CSE_TARGET || undefined : undefined)
  if (endpoint !== undefined && !/^https?:\/\/[^/]+/.test(endpoint)) {
    throw new CliUsageError(`--endpoint must be an http(s) URL; got '${endpoint}'`)
  }
  const profile = str(flags.profile)
  if (profile !== undefined && endpoint !== undefined) {
    throw new CliUsageError('--profile only applies to --target mock or server')
  }
  const client = {
    ...(envEndpoint ? clientFromEnv(env, envEndpoint) : {}),
    ...clientOptions(flags, endpoint),
  }
  checkAuth(client)
  const rate = str(flags.rate)
  return {
    kind:
      endpoint !== undefined
        ? 'endpoint'
        : choiceFlag('target', target ?? 'mock', ['mock', 'server'] as const),
    client,
    rate: rate === undefined ? undefined : integerFlag('rate', rate, 0, 10_000),
    profile:
      profile === undefined
        ? undefined
        : choiceFlag('profile', profile, ['cse', 'servicecomb'] as const),
    dryRun: flags['dry-run'] === true,
    junit: str(flags.junit),
    json: str(flags.json),
  }
}

/** Refuses contradictory credentials and TLS settings, wherever they came from. */
function checkAuth(client: Partial<RegistryClientOptions>) {
  if (client.token !== undefined && (client.user !== undefined || client.password !== undefined)) {
    throw new CliUsageError('--token excludes --user and --password')
  }
  if ((client.user === undefined) !== (client.password === undefined)) {
    throw new CliUsageError('--user and --password go together')
  }
  if (client.caFile !== undefined && client.insecure) {
    throw new CliUsageError('--ca-file and --insecure exclude each other')
  }
}

/** The client options the flags give; `baseUrl` is only set with --endpoint. */
function clientOptions(
  flags: ParsedFlags,
  endpoint: string | undefined,
): Partial<RegistryClientOptions> {
  const options: Partial<RegistryClientOptions> = {}
  if (endpoint !== undefined) options.baseUrl = endpoint
  copyTenantAndCredentials(flags, options)
  const rate = str(flags.rate)
  if (rate !== undefined && Number(rate) > 0) options.maxRequestsPerSecond = Number(rate)
  const timeout = str(flags.timeout)
  if (timeout !== undefined) options.timeoutMs = integerFlag('timeout', timeout, 1, 3_600_000)
  return options
}
