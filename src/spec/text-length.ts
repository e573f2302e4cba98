const NON_ASCII = /[^\p{ASCII}]/u

/**
 * The length of a string in code points, as ajv's `maxLength` and Go's
 * `utf8.RuneCountInString` count it, without spreading the string into an array. A lone
 * surrogate counts as one.
 * @example
 * codePointLength('a😀') // 2
 */
export function codePointLength(text: string): number {
  let count = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    count += 1
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) i++
    }
  }
  return count
}

/**
 * The UTF-8 size of a string without encoding it, as Go's `len` counts it (a lone surrogate
 * is the 3 bytes of its replacement); fast for the ASCII most bodies are.
 * @example
 * utf8Length('é') // 2
 */
export function utf8Length(text: string): number {
  if (!NON_ASCII.test(text)) return text.length
  let length = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) length += 1
    else if (code < 0x800) length += 2
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        length += 4
        i++
      } else length += 3
    } else length += 3
  }
  return length
}
