import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RawAnswer } from './raw-exchange.ts'
import type { ShadowRefusal } from './shadow-errors.ts'

/**
 * Writes the live answer as it came: status, header names and order, body bytes.
 * @example
 * writeAnswer(res, { status: 200, headers: [['Content-Length', '2']], body: Buffer.from('{}') })
 */
export function writeAnswer(res: ServerResponse, answer: RawAnswer): void {
  res.sendDate = false
  const hasConnection = answer.headers.some(([name]) => name.toLowerCase() === 'connection')
  // Node would announce keep-alive on its own; the live registry's headers say what it sent.
  if (res.shouldKeepAlive && !hasConnection) res.removeHeader('Connection')
  res.writeHead(answer.status, answer.headers.flat())
  res.end(answer.body)
}

/**
 * Writes one of the proxy's own registry errors.
 * @example
 * writeRefusal(res, liveUnreachable('connect ECONNREFUSED'))
 */
export function writeRefusal(res: ServerResponse, refusal: ShadowRefusal): void {
  const text = JSON.stringify(refusal.body)
  res.writeHead(refusal.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
  })
  res.end(text)
}

/** Service Center reads at most a few MiB of a body; more is not held for a replay. */
const MAX_BODY_BYTES = 16 * 1024 * 1024

/**
 * Reads a client's whole request body (up to 16 MiB kept).
 * @example
 * const body = await readBody(req)
 */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', () => resolve(Buffer.concat(chunks)))
    // A client that goes away mid-body still gets its (cut-off) request forwarded, never a hang.
    req.on('close', () => resolve(Buffer.concat(chunks)))
  })
}
