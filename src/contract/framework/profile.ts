import { PROFILE_DIFFERENCES, type Profile, type ProfileDifference } from '../../registry/index.ts'
import type { ScenarioContext } from './scenario.ts'

/**
 * Which behaviour a probe saw: one of the profiles, neither, or nothing (not probed).
 * @example
 * const observed: Observed = 'not probed'
 */
export type Observed = Profile | 'neither' | 'not probed'

/**
 * What one probe found, with the evidence in words.
 * @example
 * return { observed: 'servicecomb', evidence: 'the two registrations answered a and b' } satisfies ProbeResult
 */
export interface ProbeResult {
  observed: Observed
  evidence: string
}

/**
 * A probe of one profile difference.
 * @example
 * const probe: ProfileProbe = defaultEnvironment
 * probe.key // 'defaultEnvironment'
 */
export interface ProfileProbe {
  key: ProfileDifference['key']
  /** The operations it may call; `--dry-run` prints them. */
  operations: readonly string[]
  run(t: ScenarioContext): Promise<ProbeResult>
}

/**
 * One row of the profile report.
 * @example
 * report.profile.findings.filter((finding: ProfileFinding) => finding.observed === 'neither')
 */
export interface ProfileFinding extends ProbeResult {
  key: ProfileDifference['key']
  topic: string
  cse: string
  servicecomb: string
}

/**
 * The profile report: every difference, what the target did, and the one-line verdict.
 * @example
 * console.log(report.profile.summary) // 'behaves like servicecomb on 9 of 10 differences; differs on: …'
 */
export interface ProfileReport {
  findings: ProfileFinding[]
  /** The profile the target follows on most probed differences (ties favour `servicecomb`). */
  closest?: Profile
  summary: string
}

/**
 * Declares a profile probe; the identity function exists for type inference.
 * @example
 * export const defaultEnvironment = defineProbe({ key: 'defaultEnvironment', operations: ['createService', 'getService'], run: async (t) => ({ observed: 'cse', evidence: '' }) })
 */
export function defineProbe(probe: ProfileProbe): ProfileProbe {
  return probe
}

/**
 * Builds the report from what each probe saw, in the order of the registry's difference list.
 * @example
 * createProfileReport(new Map([['defaultEnvironment', { observed: 'cse', evidence: 'development' }]]))
 */
export function createProfileReport(results: ReadonlyMap<string, ProbeResult>): ProfileReport {
  const findings = PROFILE_DIFFERENCES.map((difference): ProfileFinding => {
    const result = results.get(difference.key) ?? {
      observed: 'not probed',
      evidence: 'cannot be provoked without harming the registry',
    }
    return { ...difference, ...result }
  })
  const count = (profile: Profile) => findings.filter((f) => f.observed === profile).length
  const decided = count('cse') + count('servicecomb')
  if (decided === 0) return { findings, summary: 'no profile difference could be decided' }
  const closest: Profile = count('cse') > count('servicecomb') ? 'cse' : 'servicecomb'
  const probed = findings.filter((f) => f.observed !== 'not probed').length
  const differs = findings.filter((f) => f.observed !== closest && f.observed !== 'not probed')
  const tail =
    differs.length === 0
      ? ''
      : `; differs on: ${differs.map((f) => `${f.topic} (${f.observed})`).join('; ')}`
  return {
    findings,
    closest,
    summary: `behaves like ${closest} on ${count(closest)} of ${probed} differences${tail}`,
  }
}
