import { mkdir, writeFile } from 'node:fs/promises'
import { forkPart } from './fork-part.ts'
import { runHttpPart } from './http.ts'
import type { InProcessPart } from './in-process.ts'
import { describeMachine, loadAverage } from './machine.ts'
import { type BenchResults, renderMarkdown } from './report.ts'
import type { ScaleRow } from './scale.ts'
import { childArgs, settingsFrom } from './settings.ts'
import { checkTargets } from './targets.ts'
import { wrkAvailable } from './wrk.ts'

// `npm run bench [-- --quick] [-- --against URL]`: the HTTP part is driven from this process
// (wrk and the servers run in child processes); the in-process and scale parts each run in a
// fresh child process.
const settings = settingsFrom(process.argv.slice(2))
const OUT_DIR = new URL('../bench-results/', import.meta.url)
const progress = (line: string) => process.stderr.write(`${line}\n`)

if (!(await wrkAvailable())) {
  progress('cse-mock bench: wrk is not installed (Debian: apt-get install wrk; or set WRK=path).')
  process.exit(1)
}
const started = performance.now()
const loadBefore = loadAverage()
progress(`cse-mock bench${settings.quick ? ' --quick' : ''}: load average ${loadBefore.join(' ')}`)

const against = settings.http.against ? ` and ${settings.http.against}` : ''
progress(`HTTP: bare node:http, cse-mock serve${against} under wrk…`)
const http = await runHttpPart(settings, progress)
let inProcess: InProcessPart | undefined
let scale: ScaleRow[] | undefined
// Written after every part, so a part that fails later does not lose the figures before it.
const save = async () => {
  const results: BenchResults = {
    date: new Date().toISOString(),
    quick: settings.quick,
    machine: describeMachine(),
    loadBefore,
    loadAfter: loadAverage(),
    durationSeconds: (performance.now() - started) / 1000,
    loop: { rounds: settings.loop.rounds, roundMs: settings.loop.roundMs },
    http,
    inProcess,
    scale,
    targets: checkTargets({ http, inProcess, scale }),
  }
  const markdown = renderMarkdown(results)
  await mkdir(OUT_DIR, { recursive: true })
  await writeFile(new URL('latest.md', OUT_DIR), markdown)
  await writeFile(new URL('latest.json', OUT_DIR), `${JSON.stringify(results, null, 2)}\n`)
  return { results, markdown }
}
await save()

if (settings.parts.inProcess) {
  progress('In process: msw interception, mock.fetch, getResponse and the registry API…')
  inProcess = await forkPart<InProcessPart>(['in-process', ...childArgs(settings)], ['--expose-gc'])
  await save()
}

if (settings.parts.scale) {
  progress(
    `Scale: ${settings.scale.sizes.map((size) => size.toLocaleString('en-US')).join(', ')} instances…`,
  )
  scale = await forkPart<ScaleRow[]>(['scale', ...childArgs(settings)], ['--expose-gc'])
}

const { results, markdown } = await save()
process.stdout.write(markdown)
progress(
  `Written to bench-results/latest.md and latest.json in ${Math.round(results.durationSeconds)} s.`,
)
