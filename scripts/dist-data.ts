// The data files of dist/, after tsc: the large fixture gzipped (1.4 MB as JSON, about 6 % of
// that gzipped) and the spec's JSON without indentation. Level 9 and no file name or time
// stamp in the gzip header, so the same input always gives the same bytes.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

const at = (path: string) => new URL(`../${path}`, import.meta.url)
const report = (path: string, before: number, after: number) =>
  console.log(`${path}: ${before} bytes -> ${after} bytes`)

const json = readFileSync(at('fixtures/large.json'))
const gzipped = gzipSync(json, { level: 9 })
mkdirSync(at('dist/fixtures/'), { recursive: true })
writeFileSync(at('dist/fixtures/large.json.gz'), gzipped)
report('dist/fixtures/large.json.gz', json.length, gzipped.length)

// tsc copies the JSON the sources import as it is; nothing reads it but a JSON parser.
const spec = at('dist/generated/openapi.json')
const pretty = readFileSync(spec, 'utf8')
const compact = JSON.stringify(JSON.parse(pretty))
writeFileSync(spec, compact)
report('dist/generated/openapi.json', pretty.length, compact.length)
