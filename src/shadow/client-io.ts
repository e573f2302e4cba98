import type { IncomingMessage, ServerResponse } from 'node:http'
import { bodyTooLarge } from '../http/body.ts'
import { readNodeLimited } from '../http/read-limited.ts'
import { RegistryError } from '../registry/errors.ts'
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

/** The most of a body the proxy holds for forwarding and replay; Service Center reads 2 MiB. */
const MAX_BODY_BYTES = 16 * 1024 * 1024

/**
 * Reads a client's whole request body: the body, or a refusal to answer with when it is over
 * 16 MiB, or `undefined` when the client went away before the body ended. Neither of the last
 * two may be forwarded: the live registry would get a request the client did not send.
 * @example
 * const body = await readBody(req)
 */
export async function readBody(req: IncomingMessage): Promise<Buffer | ShadowRefusal | undefined> {
  try {
    const bytes = await readNodeLimited(req, MAX_BODY_BYTES, bodyTooLarge(MAX_BODY_BYTES))
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  } catch (error) {
    if (!(error instanceof RegistryError)) return undefined
    return { status: error.status, body: { ...error.toErrorBody(), detail: error.detail } }
  }
}
