import type { CompareStep } from '../types.ts'
import { REGISTRY, step } from './step.ts'

const MS = `${REGISTRY}/microservices`
const TEXT = 'openapi: 3.0.0\ninfo: {title: hello, version: 1.0.0}\npaths: {}\n'

/**
 * Schemas: put, read, list, existence, batch replace and deletion, with their errors.
 * @example
 * schemaSteps('cmp-1').length
 */
export function schemaSteps(app: string): CompareStep[] {
  const exists = `${REGISTRY}/existence?type=schema&serviceId={provider}`
  return [
    step('schema: put', 'PUT', `${MS}/{provider}/schemas/hello`, {
      body: { schema: TEXT, summary: 's1' },
    }),
    step('schema: get', 'GET', `${MS}/{provider}/schemas/hello`),
    step('schema: get, trailing slash', 'GET', `${MS}/{provider}/schemas/hello/`),
    step('schema: list', 'GET', `${MS}/{provider}/schemas`),
    step('schema: list withSchema', 'GET', `${MS}/{provider}/schemas?withSchema=1`),
    step('exists: schema', 'GET', `${exists}&schemaId=hello`),
    step('exists: schema not uploaded', 'GET', `${exists}&schemaId=second`),
    step('exists: schema not declared', 'GET', `${exists}&schemaId=nope`),
    step('exists: schema, no schemaId', 'GET', exists),
    step(
      'exists: schema, unknown service',
      'GET',
      `${REGISTRY}/existence?type=schema&serviceId=no-such-service&schemaId=hello`,
    ),
    step('schema: put undeclared id', 'PUT', `${MS}/{provider}/schemas/extra`, {
      body: { schema: TEXT },
    }),
    step('schema: put, no schema text', 'PUT', `${MS}/{provider}/schemas/hello`, {
      body: { summary: 'x' },
    }),
    step('schema: get missing', 'GET', `${MS}/{provider}/schemas/nope`),
    step('schema: get declared, not uploaded', 'GET', `${MS}/{provider}/schemas/second`),
    step('schema: delete uploaded', 'DELETE', `${MS}/{provider}/schemas/extra`),
    step('schema: get deleted', 'GET', `${MS}/{provider}/schemas/extra`),
    step('schema: delete again', 'DELETE', `${MS}/{provider}/schemas/extra`),
    step('schema: delete declared, not uploaded', 'DELETE', `${MS}/{provider}/schemas/second`),
    step('schema: delete never declared', 'DELETE', `${MS}/{provider}/schemas/never`),
    step('schema: delete, unknown service', 'DELETE', `${MS}/no-such-service/schemas/hello`),
    step('schema: list after deletes', 'GET', `${MS}/{provider}/schemas`),
    step('schema: service after deletes', 'GET', `${MS}/{provider}`),
    step('schemas: batch replace', 'POST', `${MS}/{provider}/schemas`, {
      body: { schemas: [{ schemaId: 'hello', schema: `${TEXT}# v2\n`, summary: 's2' }] },
    }),
    step('schemas: list after batch', 'GET', `${MS}/{provider}/schemas?withSchema=1`),
    step('schemas: batch, empty list', 'POST', `${MS}/{provider}/schemas`, {
      body: { schemas: [] },
    }),
    step('schemas: consumer put', 'PUT', `${MS}/{consumer}/schemas/c1`, {
      body: { schema: `# ${app}` },
    }),
  ]
}
