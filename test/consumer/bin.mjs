// The installed bin as a test harness in another language would use it: spawn it, read the
// ready line, talk to it with curl, send SIGTERM to the spawned PID, then check that the port
// is free and the exit status is the documented one. Once through npx, once directly.
import assert from 'node:assert/strict'
import { execFileSync, spawn } from 'node:child_process'
import { connect } from 'node:net'
import { createInterface } from 'node:readline'

const curl = (...args) =>
  execFileSync('curl', ['-sS', '--fail-with-body', ...args], { encoding: 'utf8' })

function start(command, args) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  const lines = []
  const exit = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })))
  createInterface({ input: child.stderr }).on('line', (line) => lines.push(`stderr: ${line}`))
  const ready = new Promise((found, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`no ready line in 30 s:\n${lines.join('\n')}`)),
      30_000,
    )
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line)
      const url = /listening on (http:\/\/\S+)/.exec(line)?.[1]
      if (url) {
        clearTimeout(timer)
        found(url)
      }
    })
    void exit.then(() => fail(new Error(`exited before its ready line:\n${lines.join('\n')}`)))
  })
  return { child, ready, exit, lines }
}

/** Resolves once nothing accepts connections on the port (5 s at most). */
async function portFree(port) {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const refused = await new Promise((done) => {
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => {
        socket.destroy()
        done(false)
      })
      socket.once('error', () => done(true))
    })
    if (refused) return
    await new Promise((done) => setTimeout(done, 100))
  }
  throw new Error(`port ${port} still accepts connections 5 s after SIGTERM`)
}

async function roundTrip(label, command, args, expectedExit) {
  const server = start(command, args)
  const url = await server.ready
  const registry = `${url}/v4/default/registry`
  // Health lists the registry's own instance, as Service Center's does, on the address it listens on.
  const health = JSON.parse(curl(`${registry}/health`))
  assert.equal(health.instances.length, 1)
  assert.match(health.instances[0].endpoints[0], /^rest:\/\/127\.0\.0\.1:\d+\/$/)
  const json = ['-H', 'Content-Type: application/json']
  const { serviceId } = JSON.parse(
    curl(
      ...json,
      '-d',
      '{"service":{"appId":"shop","serviceName":"orders","version":"1.0.0"}}',
      `${registry}/microservices`,
    ),
  )
  const { instanceId } = JSON.parse(
    curl(
      ...json,
      '-d',
      '{"instance":{"hostName":"orders-1","endpoints":["rest://10.0.0.5:8080"]}}',
      `${registry}/microservices/${serviceId}/instances`,
    ),
  )
  const found = JSON.parse(
    curl(`${registry}/instances?appId=shop&serviceName=orders&version=latest`),
  )
  assert.deepEqual(
    found.instances.map((instance) => instance.instanceId),
    [instanceId],
  )
  server.child.kill('SIGTERM')
  const exit = await server.exit
  await portFree(Number(new URL(url).port))
  assert.deepEqual(exit, expectedExit, `${label} exit status\n${server.lines.join('\n')}`)
  console.log(
    `${label}: ready on ${url}, curl register + discover, SIGTERM to pid ${server.child.pid}: exit ${JSON.stringify(exit)}, port free`,
  )
}

// npm runs the bin through `sh -c` and forwards SIGTERM only to that shell, then ends itself
// by the same signal; the server notices its parent went away and stops.
await roundTrip('npx cse-mock serve', 'npx', ['cse-mock', 'serve', '--port', '0'], {
  code: null,
  signal: 'SIGTERM',
})
await roundTrip(
  'node_modules/.bin/cse-mock serve',
  'node_modules/.bin/cse-mock',
  ['serve', '--port', '0'],
  { code: 0, signal: null },
)
