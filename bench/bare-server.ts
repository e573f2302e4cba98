import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

// The ceiling of the HTTP benchmark: node:http answering a constant small JSON body, with
// nothing between the socket and the response.
const BODY = Buffer.from(JSON.stringify({ instances: [{ instanceId: 'bare', status: 'UP' }] }))
const HEADERS = { 'Content-Type': 'application/json; charset=UTF-8', 'Content-Length': BODY.length }

const server = createServer((req, res) => {
  // Drain any request body so the next request on the connection parses cleanly.
  req.resume()
  req.once('end', () => {
    res.writeHead(200, HEADERS)
    res.end(BODY)
  })
})
server.keepAliveTimeout = 65_000
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo
  process.stdout.write(`bare node:http listening on http://127.0.0.1:${port}\n`)
})
process.once('SIGTERM', () => {
  server.close()
  server.closeAllConnections()
})
