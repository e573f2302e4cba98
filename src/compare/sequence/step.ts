import type { CompareStep } from '../types.ts'

/** The registry API's base path for the default project. */
export const REGISTRY = '/v4/default/registry'

const JSON_HEADERS = { 'Content-Type': 'application/json' }

/**
 * Builds one step; a step with a JSON body sends `Content-Type: application/json` unless its
 * headers say otherwise.
 * @example
 * step('get service', 'GET', `${REGISTRY}/microservices/{provider}`)
 */
export function step(
  name: string,
  method: string,
  path: string,
  extra: Omit<CompareStep, 'name' | 'method' | 'path'> = {},
): CompareStep {
  const headers = extra.body === undefined ? extra.headers : { ...JSON_HEADERS, ...extra.headers }
  return { name, method, path, ...extra, ...(headers ? { headers } : {}) }
}
