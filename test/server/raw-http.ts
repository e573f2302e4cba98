import { connect } from 'node:net'

/** One HTTP response as its bytes arrived: status, header lines as sent, body text. */
export interface RawResponse {
  status: number
  /** Header names exactly as written on the wire, in order. */
  names: string[]
  /** Value of a header, looked up by its exact wire name. */
  header(name: string): string | undefined
  body: string
}

/**
 * Sends one request over a plain socket and reads the raw answer (with `Connection: close`),
 * so header names are seen exactly as the server wrote them: fetch would normalise them.
 */
export function rawRequest(
  port: number,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  const body = options.body ?? ''
  const lines = [`${method} ${path} HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Connection: close']
  for (const [name, value] of Object.entries(options.headers ?? {})) lines.push(`${name}: ${value}`)
  if (options.body !== undefined) lines.push(`Content-Length: ${Buffer.byteLength(body)}`)
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('end', () => resolve(parse(Buffer.concat(chunks).toString('utf8'))))
    socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`)
  })
}

function parse(text: string): RawResponse {
  const split = text.indexOf('\r\n\r\n')
  const [statusLine = '', ...headerLines] = text.slice(0, split).split('\r\n')
  const pairs = headerLines.map((line) => {
    const colon = line.indexOf(':')
    return [line.slice(0, colon), line.slice(colon + 1).trim()] as const
  })
  let body = text.slice(split + 4)
  if (
    pairs.some(([name, value]) => name.toLowerCase() === 'transfer-encoding' && value === 'chunked')
  ) {
    body = dechunk(body)
  }
  return {
    status: Number(statusLine.split(' ')[1]),
    names: pairs.map(([name]) => name),
    header: (name) => pairs.find(([key]) => key === name)?.[1],
    body,
  }
}

function dechunk(text: string): string {
  let out = ''
  let rest = text
  for (;;) {
    const end = rest.indexOf('\r\n')
    const size = Number.parseInt(rest.slice(0, end), 16)
    if (!size) return out
    out += rest.slice(end + 2, end + 2 + size)
    rest = rest.slice(end + 4 + size)
  }
}
