/** The first message a websocket server sent, read off its unmasked frames. */
export type FirstFrame = { text: string } | { close: string }

/**
 * Reads the first text or close frame in `data` (server frames, unmasked), passing over
 * pings and pongs; `undefined` while the frame is not complete yet.
 * @example
 * firstFrame(Buffer.from([0x81, 0x02, 0x68, 0x69])) // { text: 'hi' }
 */
export function firstFrame(data: Buffer): FirstFrame | undefined {
  let offset = 0
  while (offset + 2 <= data.length) {
    const opcode = data[offset]! & 0x0f
    let length = data[offset + 1]! & 0x7f
    let start = offset + 2
    if (length === 126) {
      if (data.length < offset + 4) return undefined
      length = data.readUInt16BE(offset + 2)
      start = offset + 4
    } else if (length === 127) {
      if (data.length < offset + 10) return undefined
      length = Number(data.readBigUInt64BE(offset + 2))
      start = offset + 10
    }
    if (data.length < start + length) return undefined
    const payload = data.subarray(start, start + length)
    if (opcode === 0x1) return { text: payload.toString('utf8') }
    if (opcode === 0x8) {
      const code = payload.length >= 2 ? payload.readUInt16BE(0) : 0
      return { close: `${code} ${payload.subarray(2).toString('utf8')}`.trim() }
    }
    offset = start + length
  }
  return undefined
}
