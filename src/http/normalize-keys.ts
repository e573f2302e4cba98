import { getOperation } from '../spec/document.ts'
import { type JsonSchema, resolveRef } from '../spec/openapi.ts'

/**
 * How declared property names map from their lower-case form, per object level of a schema.
 * `items` is the shape of array elements; `children` that of each declared property.
 */
interface KeyShape {
  names?: Map<string, string>
  /** What `names` answers for each declared name as it is spelt: most keys are, and need no folding. */
  exact?: Map<string, string>
  children?: Map<string, KeyShape>
  items?: KeyShape
}

const shapes = new Map<string, KeyShape | undefined>()

/**
 * Renames body fields to their declared casing and drops undeclared ones: Service Center
 * decodes JSON with Go's case-insensitive field matching, so `{"Instances": …}` is read as
 * `instances`, fields its structs do not declare are ignored and `null` fields are left at their
 * zero value, i.e. absent (reference §1.3). Map-typed fields (properties, tags) keep their keys.
 * @example
 * normalizeKeys('heartbeats', { Instances: [] }) // { instances: [] }
 */
export function normalizeKeys(operationId: string, body: unknown): unknown {
  if (!shapes.has(operationId)) {
    const schema = getOperation(operationId).requestBody?.schema
    shapes.set(operationId, schema ? shapeOf(schema, new Set()) : undefined)
  }
  const shape = shapes.get(operationId)
  return shape ? rename(body, shape) : body
}

function rename(value: unknown, shape: KeyShape): unknown {
  if (Array.isArray(value)) {
    return shape.items ? value.map((item) => rename(item, shape.items as KeyShape)) : value
  }
  if (value === null || typeof value !== 'object' || !shape.names) return value
  shape.exact ??= exactNames(shape.names)
  const out: Record<string, unknown> = {}
  const record = value as Record<string, unknown>
  for (const key of Object.keys(record)) {
    const child = record[key]
    const name = shape.exact.get(key) ?? shape.names.get(key.toLowerCase())
    // Unknown to the struct: Go's decoder skips it, so it is neither stored nor echoed back.
    if (name === undefined) continue
    // An exact match wins over a case-folded one, as in Go's decoder.
    if (name !== key && Object.hasOwn(value, name)) continue
    // Go decodes `null` into a struct field as its zero value: the field counts as absent.
    if (child === null) continue
    const childShape = shape.children?.get(name)
    out[name] = childShape ? rename(child, childShape) : child
  }
  return out
}

function exactNames(names: Map<string, string>): Map<string, string> {
  const exact = new Map<string, string>()
  for (const name of names.values()) exact.set(name, names.get(name.toLowerCase())!)
  return exact
}

function shapeOf(node: JsonSchema, seen: Set<JsonSchema>): KeyShape | undefined {
  const schema = resolveRef(node) as JsonSchema
  if (seen.has(schema)) return undefined
  seen.add(schema)
  try {
    const variants = [schema.allOf, schema.oneOf, schema.anyOf].flatMap((list) =>
      Array.isArray(list) ? (list as JsonSchema[]) : [],
    )
    const shape: KeyShape = {}
    for (const variant of variants) merge(shape, shapeOf(variant, seen))
    if (schema.items && typeof schema.items === 'object') {
      const items = shapeOf(schema.items as JsonSchema, seen)
      if (items) shape.items = items
    }
    const properties = schema.properties as Record<string, JsonSchema> | undefined
    if (properties) {
      shape.names ??= new Map()
      shape.children ??= new Map()
      for (const [name, child] of Object.entries(properties)) {
        shape.names.set(name.toLowerCase(), name)
        const childShape = shapeOf(child, seen)
        if (childShape) shape.children.set(name, childShape)
      }
    }
    return shape.names || shape.items ? shape : undefined
  } finally {
    seen.delete(schema)
  }
}

function merge(into: KeyShape, from: KeyShape | undefined) {
  if (!from) return
  if (from.names) {
    into.names ??= new Map()
    for (const [k, v] of from.names) into.names.set(k, v)
  }
  if (from.children) {
    into.children ??= new Map()
    for (const [k, v] of from.children) into.children.set(k, v)
  }
  if (from.items) into.items ??= from.items
}
