import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { Socket } from 'node:net'
import type { Exchange } from './types.ts'

/** A request as `sendRaw` sends it: everything already substituted. */
export interface RawRequest {
  method: string
  path: string
  headers?: Record<string, string>
  body?: string
  upgrade?: boolean
  timeoutMs?: number
}

const WS_KEY = 'dGhlIHNhbXBsZSBub25jZQ=='

/**
 * Sends one request and reads the answer off the wire: status, header names in the case the
 * server sent them (`rawHeaders`), the body text, and for a websocket upgrade its first message.
 * @example
 * const answer = await sendRaw('http://127.0.0.1:30100', { method: 'GET', path: '/version' })
 * answer.headers // [['Content-Type', 'application/json; charset=UTF-8'], ...]
 */
export function sendRaw(baseUrl: string, raw: RawRequest): Promise<Exchange> {
  const url = new URL(raw.path, baseUrl)
  const headers: Record<string, string> = { ...raw.headers }
  if (raw.upgrade) {
    Object.assign(headers, {
      Connection: 'Upgrade',
      Upgrade: 'websocket',
      'Sec-WebSocket-Version': '13',
      'Sec-WebSocket-Key': WS_KEY,
    })
  }
  if (raw.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(raw.body))
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest
  const timeoutMs = raw.timeoutMs ?? 10_000
  return new Promise((resolve) => {
    const req = send(url, { method: raw.method, headers, agent: false, setHost: true })
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)))
    req.on('error', (error) => resolve({ status: 0, headers: [], body: '', error: error.message }))
    req.on('upgrade', (res, socket, head) => {
      const base = { status: res.statusCode ?? 0, headers: pairs(res.rawHeaders), body: '' }
      readFirstMessage(socket, head).then((message) => resolve({ ...base, message }))
    })
    req.on('response', (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('error', (error) =>
        resolve({ status: res.statusCode ?? 0, headers: [], body: '', error: error.message }),
      )
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: pairs(res.rawHeaders),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      )
    })
    req.end(raw.body)
  })
}

function pairs(raw: readonly string[]): [string, string][] {
  const out: [string, string][] = []
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i]!, raw[i + 1]!])
  return out
}

/** Reads one server frame (unmasked) within 1 s: its text, `close <code> <reason>`, or `none`. */
function readFirstMessage(socket: Socket, head: Buffer): Promise<string> {
  return new Promise((resolve) => {
    let data = head
    const done = (text: string) => {
      clearTimeout(timer)
      socket.destroy()
      resolve(text)
    }
    const timer = setTimeout(() => done('none'), 1000)
    const tryParse = () => {
      const frame = parseFrame(data)
      if (frame) done(frame)
    }
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk])
      tryParse()
    })
    socket.on('end', () => done(parseFrame(data) ?? 'closed'))
    socket.on('error', () => done('closed'))
    tryParse()
  })
}

function parseFrame(data: Buffer): string | undefined {
  if (data.length < 2) return undefined
  const opcode = data[0]! & 0x0f
  let length = data[1]! & 0x7f
  let offset = 2
  if (length === 126) {
    if (data.length < 4) return undefined
    length = data.readUInt16BE(2)
    offset = 4
  } else if (length === 127) {
    return 'frame too large'
  }
  if (data.length < offset + length) return undefined
  const payload = data.subarray(offset, offset + length)
  if (opcode === 0x8) {
    const code = payload.length >= 2 ? payload.readUInt16BE(0) : 0
    return `close ${code} ${payload.subarray(2).toString('utf8')}`.trim()
  }
  if (opcode === 0x9) return 'ping'
  return `text ${payload.toString('utf8')}`
}
