#!/usr/bin/env node
// The CLI runs its TypeScript sources directly, which needs Node's built-in type stripping
// (Node 22.18+, 23.6+ or 24).
if (!process.features.typescript) {
  process.stderr.write(
    `cse-mock: Node ${process.versions.node} cannot run TypeScript sources. Use Node 22.18 or newer (npx puts the project's own Node first on PATH).\n`,
  )
  process.exit(1)
}
const { main } = await import('../src/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
