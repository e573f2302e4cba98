import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { pairs, sendForward } from '../../src/shadow/raw-exchange.ts'

/** What the live side was sent, as it arrived. */
export interface Received {
  method: string
  path: string
  headers: [string, string][]
}

/** A loopback server in front of `target` that keeps every request it forwards. */
export interface RecordingServer {
  url: string
  received: Received[]
  close(): Promise<void>
}

/** Starts a pass-through to `target` that records each request (method, path, raw headers). */
export async function startRecordingServer(target: string): Promise<RecordingServer> {
  const received: Received[] = []
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', async () => {
      const headers = pairs(req.rawHeaders)
      received.push({ method: req.method ?? 'GET', path: req.url ?? '/', headers })
      const answer = await sendForward(
        target,
        { method: req.method ?? 'GET', path: req.url ?? '/', headers, body: Buffer.concat(chunks) },
        { timeoutMs: 5000 },
      )
      res.writeHead(
        answer.status || 502,
        answer.headers.filter(([n]) => !/^(connection|keep-alive)$/i.test(n)).flat(),
      )
      res.end(answer.body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
