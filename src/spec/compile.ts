import Ajv2020Module from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import controlDoc from '../generated/control-openapi.json' with { type: 'json' }
import { type JsonSchema, openApiDocument } from './openapi.ts'

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
const CONTROL_COMPONENTS_ID = 'cse-mock-control-components'
const LOCAL_PREFIX = '#/components/schemas/'

/** The documents whose `#/components/schemas/*` a schema's `$ref`s point into. */
export type SpecDocument = 'registry' | 'control'

/**
 * The control API's OpenAPI document, as generated from `spec/cse-mock-control.yaml`.
 * @example
 * controlApiDocument.paths['/__cse-mock/faults']
 */
export const controlApiDocument = controlDoc as unknown as {
  paths: Record<string, Record<string, unknown>>
  components: { schemas: Record<string, JsonSchema> }
}

let ajv: InstanceType<typeof Ajv2020> | undefined
const cache = new Map<string, CompiledSchema>()

/**
 * Compiles a schema of the spec once and caches it under `key`; `$ref`s to
 * `#/components/schemas/*` resolve against the components of `document` (the registry spec
 * unless told otherwise).
 * @example
 * const validate = compileSchema('component:Error', { $ref: '#/components/schemas/Error' })
 */
export function compileSchema(
  key: string,
  schema: JsonSchema,
  document: SpecDocument = 'registry',
): CompiledSchema {
  const cacheKey = document === 'registry' ? key : `${document}:${key}`
  const cached = cache.get(cacheKey)
  if (cached) return cached
  const id = document === 'registry' ? COMPONENTS_ID : CONTROL_COMPONENTS_ID
  const compiled = instance().compile(rewriteRefs(schema, id) as JsonSchema) as CompiledSchema
  cache.set(cacheKey, compiled)
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
  })
  addFormats(created)
  // OpenAPI annotations and the spec's extensions are not JSON Schema keywords.
  created.addVocabulary(['example', 'discriminator', 'xml', 'externalDocs', ...extensionKeys()])
  created.addSchema({
    $id: COMPONENTS_ID,
    $defs: rewriteRefs(openApiDocument.components.schemas, COMPONENTS_ID),
  })
  created.addSchema({
    $id: CONTROL_COMPONENTS_ID,
    $defs: rewriteRefs(controlApiDocument.components.schemas, CONTROL_COMPONENTS_ID),
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
  visit(controlApiDocument)
  return [...keys].sort()
}

/** Deep copy in which component references point at the registered components schema. */
function rewriteRefs(node: unknown, id: string): unknown {
  if (Array.isArray(node)) return node.map((item) => rewriteRefs(item, id))
  if (!node || typeof node !== 'object') return node
  const copy: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node)) {
    copy[key] =
      key === '$ref' && typeof value === 'string' && value.startsWith(LOCAL_PREFIX)
        ? `${id}#/$defs/${value.slice(LOCAL_PREFIX.length)}`
        : rewriteRefs(value, id)
  }
  return copy
}
