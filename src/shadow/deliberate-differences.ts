import type { Difference } from '../compare/types.ts'

/** A documented, deliberate difference of the mock from Service Center (docs/compatibility.md). */
interface DeliberateRule {
  matches(operation: string, difference: Difference): boolean
  reason: string
}

const VERSION_OPERATIONS = new Set(['getVersion', 'getRootVersion'])

const RULES: readonly DeliberateRule[] = [
  {
    matches: (operation, d) =>
      VERSION_OPERATIONS.has(operation) &&
      d.kind === 'body-shape' &&
      ['$.goVersion', '$.os', '$.arch'].includes(d.where),
    reason: '/version names no Go build: the mock is not one',
  },
  {
    matches: (_operation, d) =>
      (d.kind === 'header' && d.where.toLowerCase() === 'content-encoding') ||
      (d.kind === 'header-value' && d.where.toLowerCase() === 'vary'),
    reason: 'the mock never compresses answers',
  },
  {
    matches: (_operation, d) =>
      d.kind === 'body-value' && /^\$(\.\w+|\[\])*\.detail$/.test(d.where),
    reason: 'error details keep the mock’s own texts; errorCode and errorMessage are compared',
  },
]

/**
 * The documented reason a difference is deliberate, if it is one (docs/compatibility.md,
 * "Deliberate differences that remain").
 * @example
 * deliberateReason('getVersion', { kind: 'body-shape', where: '$.goVersion', left: '"go1.19"', right: 'absent' })
 */
export function deliberateReason(operation: string, difference: Difference): string | undefined {
  return RULES.find((rule) => rule.matches(operation, difference))?.reason
}
