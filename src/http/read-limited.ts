/**
 * Reads a body stream into one buffer, but never holds more than `maxBytes` of it: as soon as
 * one more byte arrives, reading stops and `tooLarge(bytesSeen)` is thrown. A body over the
 * limit therefore costs the limit in memory, not its own size. The stream is left unread
 * rather than cancelled: cancelling a server request's stream destroys its socket, and with it
 * the answer that says why.
 * @example
 * const bytes = await readLimited(request.body!, 5 * 1024, (seen) => new Error(`${seen} bytes`))
 */
export async function readLimited(
  stream: ReadableStream<Uint8Array>,
  maxBytes: number,
  tooLarge: (bytesSeen: number) => Error,
): Promise<Uint8Array<ArrayBuffer>> {
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.byteLength
      if (total > maxBytes) throw tooLarge(total)
      chunks.push(value)
    }
  } finally {
    reader.releaseLock()
  }
  return concat(chunks, new Uint8Array(new ArrayBuffer(total)))
}

/**
 * The Node side of `readLimited`: collects a request's `data` events up to `maxBytes`, then
 * stops reading (the listener is removed, the stream paused) and rejects with `tooLarge`.
 * @example
 * const bytes = await readNodeLimited(req, 2 * 1024 * 1024, (seen) => tooLargeError(seen))
 */
export function readNodeLimited(
  req: NodeJS.ReadableStream & { once(event: 'aborted', listener: () => void): unknown },
  maxBytes: number,
  tooLarge: (bytesSeen: number) => Error,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = []
    let total = 0
    const onData = (chunk: Uint8Array) => {
      total += chunk.byteLength
      if (total > maxBytes) {
        req.removeListener('data', onData)
        req.pause()
        reject(tooLarge(total))
        return
      }
      chunks.push(chunk)
    }
    req.on('data', onData)
    // Node's pool slice, not an ArrayBuffer of its own: a small body costs no backing store for
    // the garbage collector to track.
    req.once('end', () => resolve(concat(chunks, Buffer.allocUnsafe(total))))
    req.once('error', reject)
    req.once('aborted', () => reject(new Error('the client aborted the request')))
  })
}

/** Copies `chunks` into `out`, which holds exactly their bytes. */
function concat(chunks: Uint8Array[], out: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.byteLength
  }
  return out
}
