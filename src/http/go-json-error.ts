/**
 * The message Go's `encoding/json` gives for a body that is not JSON, which Service Center
 * passes on as the `detail` of its 400001: `unexpected end of JSON input` for an empty or cut
 * off body, `invalid character 'x' looking for beginning of value` and the like otherwise.
 * A small scanner in the manner of Go's, enough for the messages clients meet.
 * @example
 * goJsonSyntaxError('{"service":') // 'unexpected end of JSON input'
 */
export function goJsonSyntaxError(text: string): string {
  const scanner = new Scanner(text)
  try {
    scanner.value('looking for beginning of value')
    scanner.space()
    if (scanner.pos < text.length) {
      return `invalid character ${quote(text[scanner.pos]!)} after top-level value`
    }
    return 'unexpected end of JSON input'
  } catch (error) {
    if (error instanceof SyntaxProblem) return error.message
    throw error
  }
}

class SyntaxProblem extends Error {}

const END = new SyntaxProblem('unexpected end of JSON input')

class Scanner {
  pos = 0
  readonly text: string
  constructor(text: string) {
    this.text = text
  }

  space(): void {
    while (this.pos < this.text.length && ' \t\r\n'.includes(this.text[this.pos]!)) this.pos++
  }

  next(_context: string): string {
    const char = this.text[this.pos]
    if (char === undefined) throw END
    return char
  }

  fail(context: string): never {
    throw new SyntaxProblem(`invalid character ${quote(this.next(context))} ${context}`)
  }

  value(context: string): void {
    this.space()
    const char = this.next(context)
    if (char === '{') this.object()
    else if (char === '[') this.array()
    else if (char === '"') this.string()
    else if (char === '-' || (char >= '0' && char <= '9')) this.number()
    else {
      const literal = ['true', 'false', 'null'].find((word) => word[0] === char)
      if (!literal) this.fail(context)
      this.literal(literal)
    }
  }

  object(): void {
    this.pos++
    this.space()
    if (this.next('') === '}') {
      this.pos++
      return
    }
    for (;;) {
      this.space()
      if (this.next('') !== '"') this.fail('looking for beginning of object key string')
      this.string()
      this.space()
      if (this.next('') !== ':') this.fail('after object key')
      this.pos++
      this.value('looking for beginning of value')
      this.space()
      const char = this.next('')
      this.pos++
      if (char === '}') return
      if (char !== ',') {
        this.pos--
        this.fail('after object key:value pair')
      }
    }
  }

  array(): void {
    this.pos++
    this.space()
    if (this.next('') === ']') {
      this.pos++
      return
    }
    for (;;) {
      this.value('looking for beginning of value')
      this.space()
      const char = this.next('')
      this.pos++
      if (char === ']') return
      if (char !== ',') {
        this.pos--
        this.fail('after array element')
      }
    }
  }

  string(): void {
    this.pos++
    for (;;) {
      const char = this.next('')
      this.pos++
      if (char === '"') return
      if (char === '\\') {
        const escaped = this.next('')
        if (!'"\\/bfnrtu'.includes(escaped)) this.fail('in string escape code')
        this.pos++
      } else if (char < ' ') {
        this.pos--
        this.fail('in string literal')
      }
    }
  }

  number(): void {
    if (this.text[this.pos] === '-') this.pos++
    const digits = () => {
      const start = this.pos
      while (/[0-9]/.test(this.text[this.pos] ?? '')) this.pos++
      return this.pos > start
    }
    if (!digits()) this.fail('in numeric literal')
    if (this.text[this.pos] === '.') {
      this.pos++
      if (!digits()) this.fail('after decimal point in numeric literal')
    }
    if (this.text[this.pos] === 'e' || this.text[this.pos] === 'E') {
      this.pos++
      if (this.text[this.pos] === '+' || this.text[this.pos] === '-') this.pos++
      if (!digits()) this.fail('in exponent of numeric literal')
    }
  }

  literal(word: string): void {
    for (let i = 0; i < word.length; i++) {
      if (this.next('') !== word[i]) this.fail(`in literal ${word} (expecting '${word[i]}')`)
      this.pos++
    }
  }
}

/** Go's `quoteChar`: `'x'`, with `'\''` and `'"'` spelled as Go does. */
function quote(char: string): string {
  if (char === "'") return "'\\''"
  if (char === '"') return `'"'`
  const code = char.charCodeAt(0)
  if (code < 0x20) return `'${JSON.stringify(char).slice(1, -1)}'`
  return `'${char}'`
}
