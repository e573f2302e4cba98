import Ajv2020Module from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { type JsonSchema, openApiDocument } from './openapi.ts'
import { compileStringSchema } from './string-schema.ts'

/** A compiled JSON Schema validator (ajv's `ValidateFunction`, narrowed to what is used here). */
export interface CompiledSchema {
  (data: unknown): boolean
  errors?: SchemaError[] | null | undefined
}

/** One ajv error, narrowed to the fields the issue formatter reads. */
export interface SchemaError {
  keyword: string
  instancePath: string
  params: Record<string, unknown>
  message?: string | undefined
  propertyName?: string | undefined
}

// Both modules are CommonJS whose `module.exports` is the function itself with a `default`
// property pointing back at it; `.default` therefore works in Node, in bundlers and in tsc.
const Ajv2020 = Ajv2020Module.default
const addFormats = addFormatsModule.default

const COMPONENTS_ID = 'cse-registry-components'
const LOCAL_PREFIX = '#/components/schemas/'

let ajv: InstanceType<typeof Ajv2020> | undefined
const cache = new Map<string, CompiledSchema>()

/**
 * Compiles a schema of the spec once and caches it under `key`; `$ref`s to
 * `#/components/schemas/*` resolve against the spec's components.
 * @example
 * const validate = compileSchema('component:Error', { $ref: '#/components/schemas/Error' })
 */
export function compileSchema(key: string, schema: JsonSchema): CompiledSchema {
  const cached = cache.get(key)
  if (cached) return cached
  const compiled =
    compileStringSchema(schema) ??
    (instance().compile(rewriteRefs(schema) as JsonSchema) as CompiledSchema)
  cache.set(key, compiled)
  return compiled
}

/** The single ajv instance, created on first use with the spec's components registered. */
function instance(): InstanceType<typeof Ajv2020> {
  if (ajv) return ajv
  const created = new Ajv2020({
    allErrors: true,
    strict: true,
    // `required` next to an `allOf` of a $ref (how the spec marks input-only required fields)
    // and type-less sub-schemas are deliberate in OpenAPI documents.
    strictRequired: false,
    strictTypes: false,
    // The spec is linted and its schemas are tested; checking them against the JSON Schema
    // meta-schema again on every start took most of the first request's time.
    validateSchema: false,
  })
  addFormats(created)
  // OpenAPI annotations and the spec's extensions are not JSON Schema keywords.
  created.addVocabulary(['example', 'discriminator', 'xml', 'externalDocs', ...extensionKeys()])
  created.addSchema({
    $id: COMPONENTS_ID,
    $defs: rewriteRefs(openApiDocument.components.schemas),
  })
  ajv = created
  return created
}

/** Every `x-*` key used anywhere in the document. */
function extensionKeys(): string[] {
  const keys = new Set<string>()
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit)
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key.startsWith('x-')) keys.add(key)
        visit(value)
      }
    }
  }
  visit(openApiDocument)
  return [...keys].sort()
}

/** Deep copy in which component references point at the registered components schema. */
function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs)
  if (!node || typeof node !== 'object') return node
  const copy: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node)) {
    copy[key] =
      key === '$ref' && typeof value === 'string' && value.startsWith(LOCAL_PREFIX)
        ? `${COMPONENTS_ID}#/$defs/${value.slice(LOCAL_PREFIX.length)}`
        : rewriteRefs(value)
  }
  return copy
}
