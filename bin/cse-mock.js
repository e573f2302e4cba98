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

// The installed package runs the JavaScript built into dist/. A checkout of cse-mock also has
// src/ (which the package does not ship) and runs it through Node's type stripping, so its
// tests never run a stale build.
const source = new URL('../src/cli/run.ts', import.meta.url)
const built = new URL('../dist/cli/run.js', import.meta.url)
const entry = process.features.typescript && existsSync(source) ? source : built
if (!existsSync(entry)) {
  process.stderr.write(`cse-mock: ${entry.pathname} is missing; run 'npm run build' first.\n`)
  process.exit(1)
}
await import(entry.href)
