import type { Difference } from '../compare/types.ts'
import type { Profile } from '../registry/index.ts'
import { deliberateReason } from './deliberate-differences.ts'
import type { ShadowDifference } from './shadow-record.ts'

/**
 * Labels the differences between live and mock. A difference is `profile` when the profile
 * twin (the same traffic on a mock in the other profile) agrees with the live registry at that
 * place, i.e. the live registry behaves as the other profile there; it is `deliberate` when
 * docs/compatibility.md lists it as a deliberate choice. Anything else stays unlabelled.
 * @example
 * labelDifferences('findInstances', againstMock, againstTwin, { mock: 'cse', twin: 'servicecomb' })
 */
export function labelDifferences(
  operation: string,
  againstMock: readonly Difference[],
  againstTwin: readonly Difference[] | undefined,
  profiles: { mock: Profile; twin: Profile },
): ShadowDifference[] {
  const twinPlaces = new Set(againstTwin?.map(place))
  return againstMock.map((difference) => {
    if (againstTwin && !twinPlaces.has(place(difference))) {
      return {
        ...difference,
        label: 'profile',
        reason: `the live registry answers as the ${profiles.twin} profile here; the mock runs ${profiles.mock}`,
      }
    }
    const reason = deliberateReason(operation, difference)
    return reason ? { ...difference, label: 'deliberate', reason } : { ...difference }
  })
}

function place(difference: Difference): string {
  return `${difference.kind} ${difference.where}`
}
