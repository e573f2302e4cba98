import { connect, type Socket } from 'node:net'

/** A kept-alive connection that reads whole answers off the wire as raw text (Latin-1). */
export interface RawConnection {
  /** Writes bytes as they are: one request, several, or part of one. */
  send(bytes: string | Buffer): void
  /** The next whole answer: status line, headers and body exactly as they arrived. */
  next(): Promise<string>
  /** Resolves when the server has closed the connection; `text` is what came after the last answer. */
  closed(): Promise<{ text: string }>
  destroy(): void
  readonly socket: Socket
}

/**
 * Opens a plain TCP connection for tests that must see answers byte for byte, pipelined or one
 * at a time, on one connection (fetch would pool, normalise and hide all of that).
 * @example
 * const c = await rawConnection(port); c.send('GET / HTTP/1.1\r\nHost: x\r\n\r\n'); await c.next()
 */
export async function rawConnection(port: number): Promise<RawConnection> {
  const socket = connect(port, '127.0.0.1')
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve)
    socket.once('error', reject)
  })
  socket.on('error', () => undefined)
  let text = ''
  let ended = false
  const waiters: (() => void)[] = []
  const wake = () => {
    for (const waiter of waiters.splice(0)) waiter()
  }
  socket.setEncoding('latin1')
  socket.on('data', (chunk: string) => {
    text += chunk
    wake()
  })
  socket.on('close', () => {
    ended = true
    wake()
  })
  const take = (): string | undefined => {
    const size = answerSize(text, ended)
    if (size === undefined) return undefined
    const answer = text.slice(0, size)
    text = text.slice(size)
    return answer
  }
  return {
    socket,
    send: (bytes) => {
      socket.write(bytes)
    },
    async next() {
      for (;;) {
        const answer = take()
        if (answer !== undefined) return answer
        if (ended)
          throw new Error(`The connection closed before a whole answer: ${JSON.stringify(text)}`)
        await new Promise<void>((resolve) => waiters.push(resolve))
      }
    },
    async closed() {
      while (!ended) await new Promise<void>((resolve) => waiters.push(resolve))
      return { text }
    },
    destroy: () => socket.destroy(),
  }
}

/** Length of the first whole answer in `text`, or `undefined` while it is incomplete. */
function answerSize(text: string, ended: boolean): number | undefined {
  const end = text.indexOf('\r\n\r\n')
  if (end < 0) return undefined
  const head = text.slice(0, end)
  const status = Number(head.slice(9, 12))
  const start = end + 4
  if (status === 304 || status === 204 || (status >= 100 && status < 200)) return start
  const length = /\r\ncontent-length: *(\d+)/i.exec(head)
  if (length) {
    const size = start + Number(length[1])
    return text.length >= size ? size : undefined
  }
  if (/\r\ntransfer-encoding: *chunked/i.test(head)) {
    const last = text.indexOf('\r\n0\r\n\r\n', start - 2)
    return last < 0 ? undefined : last + 7
  }
  return ended ? text.length : undefined
}

/**
 * An answer with its `Date` value blanked: the one part two servers' answers may differ in.
 * @example
 * withoutDate('HTTP/1.1 200 OK\r\nDate: Wed, 02 Dec 2026 05:00:00 GMT\r\n\r\n')
 */
export function withoutDate(answer: string): string {
  return answer.replace(/\r\nDate: [^\r]*\r\n/, '\r\nDate: -\r\n')
}
