// Writes dist/fixtures/large.json.gz, the form in which the package ships the large fixture
// (1.4 MB as JSON, about a tenth of that gzipped). Level 9, no file name and no time stamp in
// the header, so the same JSON always gives the same bytes.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

const from = new URL('../fixtures/large.json', import.meta.url)
const to = new URL('../dist/fixtures/large.json.gz', import.meta.url)
mkdirSync(new URL('.', to), { recursive: true })
const json = readFileSync(from)
const gzipped = gzipSync(json, { level: 9 })
writeFileSync(to, gzipped)
console.log(`dist/fixtures/large.json.gz: ${json.length} bytes -> ${gzipped.length} bytes`)
