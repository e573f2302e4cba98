#!/usr/bin/env node
// The CLI runs its TypeScript sources directly, which needs Node's built-in type stripping
// (Node 22.18+, 23.6+ or 24).
if (!process.features.typescript) {
  process.stderr.write(
    `cse-mock: Node ${process.versions.node} cannot run TypeScript sources. Use Node 22.18 or newer (npx puts the project's own Node first on PATH).\n`,
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
let cli
try {
  const { narrowImports } = await import('../src/cli/narrow-imports.ts')
  narrowImports()
  cli = await import('../src/cli/main.ts')
} catch (error) {
  // Node strips types only outside node_modules, so an installed copy cannot run its sources.
  if (error?.code !== 'ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING') throw error
  process.stderr.write(
    'cse-mock: Node does not run TypeScript from node_modules. Run the CLI from a checkout of cse-mock, or from a build that ships JavaScript.\n',
  )
  process.exit(1)
}
process.exitCode = await cli.main(process.argv.slice(2))
