import { runInProcessPart } from './in-process.ts'
import { runScalePart } from './scale.ts'
import { settingsFrom } from './settings.ts'

// Runs one in-process part in a process of its own, so each starts from a clean heap and
// leaves no interceptor behind; the result goes back to the parent over IPC.
const [part, ...rest] = process.argv.slice(2)
const settings = settingsFrom(rest.filter((arg) => arg.startsWith('--')))

async function run(): Promise<unknown> {
  if (part === 'in-process') return runInProcessPart(settings)
  if (part === 'scale') return runScalePart(settings)
  throw new Error(`Failed to run a benchmark part: unknown part ${String(part)}.`)
}

const result = await run()
process.send?.({ result }, () => process.disconnect())
