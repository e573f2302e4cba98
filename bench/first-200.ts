import { spawn } from 'node:child_process'
import { rssBytes } from './proc.ts'

// `node bench/first-200.ts URL -- COMMAND [ARGS…]`: starts COMMAND, polls URL every 5 ms and
// prints the time from spawn to its first 200 and the resident memory of the started process
// then, for registries other than cse-mock (whose start-up `npm run bench` measures itself).
const [url, separator, command, ...args] = process.argv.slice(2)
if (!url || separator !== '--' || !command) {
  process.stderr.write('Usage: node bench/first-200.ts URL -- COMMAND [ARGS…]\n')
  process.exit(2)
}
const started = performance.now()
const child = spawn(command, args, { stdio: 'ignore' })
const exited = new Promise((resolve) => child.once('exit', resolve))
let ms: number | undefined
while (ms === undefined && child.exitCode === null && performance.now() - started < 60_000) {
  try {
    const response = await fetch(url)
    await response.arrayBuffer()
    if (response.status === 200) ms = performance.now() - started
  } catch {
    // Not listening yet.
  }
  if (ms === undefined) await new Promise((resolve) => setTimeout(resolve, 5))
}
const rss = child.pid === undefined ? undefined : rssBytes(child.pid)
process.stdout.write(
  `${JSON.stringify({ command, firstOkMs: ms === undefined ? null : Math.round(ms), rssMb: rss === undefined ? null : Math.round(rss / 1024 ** 2) })}\n`,
)
child.kill('SIGTERM')
await exited
