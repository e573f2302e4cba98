#!/usr/bin/env node
// Kept to syntax every Node line parses, so an old Node reaches the version message below.
import { existsSync } from 'node:fs'

const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `cse-mock: needs Node 22.12 or newer (as msw 3 does); this is Node ${process.versions.node}.\n`,
  )
  process.exit(1)
}

// `serve` runs for hours under steady load, where V8 lets its young generation grow to 128 MB
// (two 64 MB semi-spaces) of mostly garbage: the server's resident memory tripled after a
// minute of heartbeats. Capped at 2 × 8 MB it stays near its live data at about the same CPU per
// request. V8 reads the cap only at start, so the process replaces itself once with the flag
// (same pid, stdio and environment), unless a cap was given already.
const SEMI_SPACE_FLAG = '--max-semi-space-size'
if (
  process.argv[2] === 'serve' &&
  typeof process.execve === 'function' &&
  !process.execArgv.some((arg) => arg.startsWith(SEMI_SPACE_FLAG)) &&
  !process.env.NODE_OPTIONS?.includes(SEMI_SPACE_FLAG)
) {
  // execve is experimental in Node 24; its warning would be the first line a user sees.
  process.emitWarning = () => {}
  process.execve(
    process.execPath,
    [process.execPath, ...process.execArgv, `${SEMI_SPACE_FLAG}=8`, ...process.argv.slice(1)],
    process.env,
  )
}

// Compiled code (and, from TypeScript sources, the stripped JavaScript) is kept in the OS's
// temporary folder, so every start after the first skips parsing and compiling most of it.
// NODE_COMPILE_CACHE chooses another folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
const { enableCompileCache } = await import('node:module')
enableCompileCache?.()

// The installed package runs the JavaScript built into dist/. A checkout of cse-mock also has
// src/ (which the package does not ship) and runs it through Node's type stripping, so its
// tests never run a stale build.
const source = new URL('../src/cli/run.ts', import.meta.url)
const built = new URL('../dist/cli/run.js', import.meta.url)
const fromSource = process.features.typescript && existsSync(source)
const entry = fromSource ? source : built
if (!existsSync(entry)) {
  process.stderr.write(`cse-mock: ${entry.pathname} is missing; run 'npm run build' first.\n`)
  process.exit(1)
}
// Before the CLI's own imports: see narrow-imports.
const narrow = new URL(
  fromSource ? '../src/cli/narrow-imports.ts' : '../dist/cli/narrow-imports.js',
  import.meta.url,
)
const { narrowImports } = await import(narrow.href)
narrowImports()
await import(entry.href)
