import type { components } from '../generated/schema.ts'
import { sha1Hex } from '../registry/sha1.ts'
import { keyedDigest } from './keyed-digest.ts'

type Schema = components['schemas']['Schema']

/**
 * A schema with its contents replaced: a small document of the same kind (Swagger 2.0 or
 * OpenAPI 3, YAML or JSON) titled with the schema id, no paths, and the keyed digest of the
 * original in its description, so changed contents give a changed stand-in. The summary,
 * when there is one, is recomputed from the stand-in with the original's length.
 * @example
 * redactSchema('key', { schemaId: 'Orders', summary: 'ab12', schema: 'swagger: "2.0"\n…' })
 */
export function redactSchema(key: string, schema: Schema): Schema {
  const out: Schema = { schemaId: schema.schemaId }
  const text = schema.schema
  if (text !== undefined && text !== '') out.schema = standInText(key, schema.schemaId, text)
  if (schema.summary !== undefined && schema.summary !== '') {
    const basis = out.schema ?? keyedDigest(key, 'summary', schema.summary)
    out.summary = stretch(sha1Hex(basis), schema.summary.length)
  }
  return out
}

function standInText(key: string, schemaId: string, text: string): string {
  const digest = keyedDigest(key, 'schema', text)
  const swagger = /^\s*["']?swagger["']?\s*:/m.test(text)
  const version = /["']?openapi["']?\s*:\s*["']?(3[0-9.]*)/.exec(text)?.[1] ?? '3.0.1'
  const description = `Contents redacted on import (${digest})`
  const document = swagger
    ? { swagger: '2.0', info: { title: schemaId, version: '1.0.0', description }, paths: {} }
    : { openapi: version, info: { title: schemaId, version: '1.0.0', description }, paths: {} }
  if (text.trimStart().startsWith('{')) return JSON.stringify(document)
  const head = swagger ? 'swagger: "2.0"' : `openapi: ${version}`
  return `${head}\ninfo:\n  title: ${schemaId}\n  version: 1.0.0\n  description: ${description}\npaths: {}\n`
}

function stretch(hex: string, length: number): string {
  let out = hex
  while (out.length < length) out += sha1Hex(out)
  return out.slice(0, length)
}
