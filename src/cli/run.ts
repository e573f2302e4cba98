// The process behind the `cse-mock` bin: runs the command line and sets the exit code.
import { main } from './main.ts'
import { createProcessIo } from './process-io.ts'

process.exitCode = await main(process.argv.slice(2), createProcessIo())
