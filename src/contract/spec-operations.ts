import { listOperations } from '../spec/document.ts'

/**
 * One operation of the spec: its id, method and templated path.
 * @example
 * const op: SpecOperation = { operationId: 'getVersion', method: 'get', path: '/v4/{project}/registry/version' }
 */
export interface SpecOperation {
  operationId: string
  method: string
  path: string
}

/**
 * Every operation the spec declares, in document order.
 * @example
 * SPEC_OPERATIONS.map((operation) => operation.operationId) // ['getVersion', 'getHealth', …]
 */
export const SPEC_OPERATIONS: readonly SpecOperation[] = listOperations().map(
  ({ operationId, method, path }) => ({ operationId, method, path }),
)

const byRoute = new Map(SPEC_OPERATIONS.map((op) => [`${op.method} ${op.path}`, op.operationId]))

/**
 * The operationId of a method and templated path, as openapi-fetch reports them.
 * @example
 * operationIdOf('GET', '/v4/{project}/registry/version') // 'getVersion'
 */
export function operationIdOf(method: string, schemaPath: string): string | undefined {
  return byRoute.get(`${method.toLowerCase()} ${schemaPath}`)
}
