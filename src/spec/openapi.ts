import doc from '../generated/openapi.json' with { type: 'json' }

/** A JSON Schema object as written in the spec (its `$ref`s still point into the document). */
export type JsonSchema = Record<string, unknown>

type Node = Record<string, unknown>

/**
 * Thrown when code asks the spec for something it does not contain.
 * @example
 * try { getOperation('nope') } catch (error) { if (error instanceof SpecLookupError) console.log(error.code) }
 */
export class SpecLookupError extends Error {
  readonly code = 'SPEC_LOOKUP'
  override name = 'SpecLookupError'
}

/**
 * The OpenAPI document, as generated from `spec/cse-registry.yaml`.
 * @example
 * openApiDocument.info.version // '1.0.0'
 */
export const openApiDocument = doc as unknown as {
  openapi: string
  info: { title: string; version: string }
  paths: Record<string, Node>
  components: { schemas: Record<string, JsonSchema> } & Node
}

/**
 * Follows internal `$ref`s (`#/...`) until it reaches a node without one.
 * @example
 * resolveRef({ $ref: '#/components/parameters/Project' }).name // 'project'
 */
export function resolveRef(node: unknown): Node {
  let current = node as Node
  const seen = new Set<string>()
  while (typeof current.$ref === 'string') {
    const ref = current.$ref
    if (!ref.startsWith('#/') || seen.has(ref)) {
      throw new SpecLookupError(
        `Failed to resolve "${ref}": only internal, acyclic references are supported.`,
      )
    }
    seen.add(ref)
    let target: unknown = openApiDocument
    for (const segment of ref.slice(2).split('/')) {
      const key = segment.replaceAll('~1', '/').replaceAll('~0', '~')
      target = (target as Node | undefined)?.[key]
    }
    if (target === undefined)
      throw new SpecLookupError(`Failed to resolve "${ref}": nothing there.`)
    current = target as Node
  }
  return current
}
