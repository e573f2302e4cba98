const HTML_UNSAFE = /[<>&\u2028\u2029]/
const HTML_UNSAFE_ALL = /[<>&\u2028\u2029]/g

/**
 * JSON text as Go's `encoding/json` writes it: `<`, `>`, `&`, U+2028 and U+2029 escaped as
 * `\u003c` and so on (they can only occur inside strings), so a detail such as
 * `invalid value '<nil>'` has Service Center's bytes on the wire.
 * @example
 * goJsonText({ detail: "'<nil>'" }) // '{"detail":"\'\\u003cnil\\u003e\'"}'
 */
export function goJsonText(value: unknown): string {
  const text = JSON.stringify(value)
  return HTML_UNSAFE.test(text) ? text.replace(HTML_UNSAFE_ALL, escapeChar) : text
}

function escapeChar(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
}
