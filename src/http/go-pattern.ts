const compiled = new Map<string, RegExp>()

/**
 * The compiled form of one of Service Center's rule patterns, compiled once: a rule is checked
 * on every request, and compiling its pattern each time cost more than the check.
 * @example
 * goPattern('^\\S*$').test('abc') // true
 */
export function goPattern(source: string): RegExp {
  let regexp = compiled.get(source)
  if (!regexp) {
    regexp = new RegExp(source)
    compiled.set(source, regexp)
  }
  return regexp
}
