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

/**
 * The length of a string in code points, as Go's `utf8.RuneCountInString` counts it, without
 * spreading the string into an array.
 * @example
 * codePointLength('a😀') // 2
 */
export function codePointLength(text: string): number {
  let length = text.length
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--
        i++
      }
    }
  }
  return length
}
